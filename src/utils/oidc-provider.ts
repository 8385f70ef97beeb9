import { parseRoleArn } from './arn';

// How IAM names the OIDC provider for an issuer, and where the issuer publishes its keys.

/**
 * The IAM name of the OIDC provider for an issuer, also the prefix of its condition keys: the
 * issuer without its scheme, path kept ("accounts.example.com/tenant"). A trailing slash stays:
 * AWS matches `iss` exactly, and issuers such as Auth0's end in one ("tenant.auth0.com/").
 */
export function providerName(issuer: string): string {
  return issuer.trim().replace(/^https?:\/\//i, '');
}

export function providerArn(accountId: string, issuer: string, roleArn?: string): string {
  const partition = (roleArn && parseRoleArn(roleArn)?.partition) || 'aws';
  return `arn:${partition}:iam::${accountId}:oidc-provider/${providerName(issuer)}`;
}

/** The discovery document URL of an issuer, without a doubled slash for issuers ending in "/". */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}
