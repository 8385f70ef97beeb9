import type { UserManager } from 'oidc-client-ts';
import type { AppConfig } from '../config/schema';
import type { IdTokenSource } from '../lib/auth/id-token-source';
import type { SignInTraceRecorder } from '../lib/auth/sign-in-trace-recorder';
import type { ExchangeJournal } from '../lib/aws/exchange-journal';
import type { StsGateway } from '../lib/aws/sts-gateway';

/** The app's long-lived objects, created once from config in main.tsx. */
export interface AppServices {
  config: AppConfig;
  userManager: UserManager;
  sts: StsGateway;
  getIdToken: IdTokenSource;
  signInTrace: SignInTraceRecorder;
  exchanges: ExchangeJournal;
}
