// A role the person may assume, as the role catalog offers it. Shared by every feature that shows
// or uses roles, so that no feature imports another's internals.
export interface RoleOption {
  arn: string;
  accountId: string;
  accountName: string;
  accountColor: string;
  /** The account's environment from config ("production"), shown as a word and a frame. */
  environment?: string;
  name: string;
  label: string;
  /** The longest session the role allows, in seconds, when the config says. */
  maxDurationSeconds?: number;
  /** Where Rolecall learnt of the role: the config, or a claim in the person's ID token. */
  source: 'config' | 'token';
  /** The token's `cognito:preferred_role`: offered first. */
  preferred: boolean;
  /** Reached with AssumeRole from this (web identity) role's session, not from the ID token. */
  chainFrom?: string;
  externalId?: string;
}

export interface AccountRoles {
  accountId: string;
  accountName: string;
  accountColor: string;
  environment?: string;
  roles: RoleOption[];
}
