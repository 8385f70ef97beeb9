import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadSignedInView } from './app/lazy-signed-in-view';
import { StorageBlockedPage } from './app/storage-blocked-page';
import { ConfigErrorPage } from './config/config-error-page';
import { loadConfig } from './config/load-config';
import { CspViolationNotice } from './features/deployment/csp-violation-notice';
import { watchCspViolations } from './features/deployment/csp-violations';
import { createIdTokenSource } from './lib/auth/id-token-source';
import { completeChildWindowSignIn } from './lib/auth/popup-and-frame-callbacks';
import { createUserManager, forgetAbandonedSignIns } from './lib/auth/user-manager';
import { sessionStorageUsable } from './lib/auth/session-storage-check';
import { recordSignInTrace } from './lib/auth/sign-in-trace-recorder';
import { createExchangeJournal } from './lib/aws/exchange-journal';
import { createStsGateway, preloadSts } from './lib/aws/sts-gateway';
import './index.css';

// React reports render errors to the console by default; an error message might quote a token, so
// the error boundary's page is the only report.
const silent = () => undefined;
const root = createRoot(document.getElementById('root')!, {
  onCaughtError: silent,
  onUncaughtError: silent,
  onRecoverableError: silent,
});

const isChildWindow = window.parent !== window || window.opener !== null;

// A sign-in callback will need the AWS SDK seconds from now: fetch it while the token exchange runs.
if (!isChildWindow && /[?&](code|error)=/.test(window.location.search)) {
  void preloadSts();
  void preloadSignedInView();
}

const loaded = await loadConfig();
if (!loaded.ok) {
  root.render(<ConfigErrorPage error={loaded.error} problems={loaded.problems} />);
} else if (!sessionStorageUsable()) {
  root.render(<StorageBlockedPage framed={window.parent !== window} />);
} else {
  const { config } = loaded;
  // Before any request to the provider or STS, so that a blocked one is told as such.
  const cspViolations = watchCspViolations(config);
  const userManager = createUserManager(config);
  // Abandoned sign-ins leave a PKCE verifier in sessionStorage: gone at start-up, not at sign-out.
  void forgetAbandonedSignIns(userManager);
  // In the sign-in popup or the silent-renewal frame the app never starts, even if handing the
  // answer back fails: the main window reports that failure.
  const handedBack = await completeChildWindowSignIn(userManager, config.oidc.redirectPath).catch(
    () => isChildWindow,
  );
  if (!handedBack) {
    // Both records live in memory and hold nothing secret: they feed the training view.
    const signInTrace = recordSignInTrace(userManager);
    const exchanges = createExchangeJournal();
    const services = {
      config,
      userManager,
      sts: createStsGateway(config.sts, {
        onExchange: exchanges.record,
        requestTimeoutMs: config.sts.requestTimeoutSeconds * 1000,
      }),
      getIdToken: createIdTokenSource(userManager),
      signInTrace,
      exchanges,
    };
    root.render(
      <StrictMode>
        <CspViolationNotice violations={cspViolations} />
        <App services={services} />
      </StrictMode>,
    );
  }
}
