import type { TemporaryCredentials } from '../../lib/aws/types';

/** Everything an export format needs about one assumed-role session. */
export interface ExportInput {
  credentials: TemporaryCredentials;
  region: string;
  accountId: string;
  accountName: string;
  roleName: string;
}

export interface ExportOptions {
  /** The credentials-file profile name as typed; sanitised before use, defaulted when empty. */
  profileName?: string;
}
