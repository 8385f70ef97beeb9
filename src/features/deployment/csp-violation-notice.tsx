import { useSyncExternalStore } from 'react';
import { Notice } from '../../components/ui/notice';
import type { BlockedOrigin, CspViolations } from './csp-violations';

/** Says that the deployment's Content-Security-Policy, not the network, stopped a request. */
export function CspViolationNotice({ violations }: { violations: CspViolations }) {
  const blocked = useSyncExternalStore(violations.subscribe, violations.getSnapshot);
  if (blocked.length === 0) return null;
  return (
    <div className="mx-auto grid max-w-3xl gap-2 p-4">
      {blocked.map((item) => (
        <BlockedNotice key={`${item.directive} ${item.origin}`} item={item} />
      ))}
    </div>
  );
}

function BlockedNotice({ item }: { item: BlockedOrigin }) {
  const who = item.party ?? item.origin;
  return (
    <Notice tone="error" title={`This deployment's Content-Security-Policy does not allow ${who}`}>
      <p>
        The browser refused to {item.directive === 'connect-src' ? 'connect to' : 'load'}{' '}
        <code className="font-mono">{item.origin}</code> because this site&apos;s
        Content-Security-Policy does not list that origin ({item.directive}). It is not a network
        problem: trying again will not help.
      </p>
      <p className="mt-1">
        To fix it, whoever deploys Rolecall runs{' '}
        <code className="font-mono">npm run configure -- --config config.json --out dist/</code>{' '}
        again where the provider is reachable (it reads the provider&apos;s discovery document), or
        adds <code className="font-mono">--allow-origin {item.origin}</code>. If the web server
        sends its own Content-Security-Policy header, that header must allow the origin too.
      </p>
    </Notice>
  );
}
