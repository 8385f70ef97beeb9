import * as z from 'zod/mini';

// Regions look like us-east-1, eu-central-2, us-gov-west-1, ap-southeast-5.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\x21-\x7e]+\/)?[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/(?:[\x21-\x7e]+\/)?$/;
const POLICY_ARN =
  /^arn:aws[\w-]*:iam::(?:\d{12}|aws):policy\/(?:[\x21-\x7e]+\/)?[\w+=,.@-]{1,128}$/;

/**
 * A host as DNS or IP spells it, the way a URL's `hostname` holds it (lower case, punycode): labels
 * of letters, digits and hyphens joined by dots (253 characters at most), an IPv4 address, or an
 * IPv6 address in brackets. Anything else a URL parser lets through (`*`, `;`, `'`, `,`) would
 * change a Content-Security-Policy the origin is written into.
 */
export const PLAIN_HOST =
  /^(?:(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/** The AWS partitions Rolecall can reach: ARNs, STS endpoints and the CSP follow the choice. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

// A value that is no http(s) URL is reported by the URL check alone.
function ifHttpUrl(test: (url: URL) => boolean) {
  return (value: string): boolean => {
    try {
      const url = new URL(value);
      return !['http:', 'https:'].includes(url.protocol) || test(url);
    } catch {
      return true;
    }
  };
}

const httpUrl = (what: string) =>
  z
    .url({
      protocol: /^https?$/,
      error: `must be the full http(s) URL of the ${what}, for example "https://idp.example.com"`,
    })
    .check(
      // `https://*` or `https://a.example;x` parse as URLs, and would widen or break the policy.
      z.refine(
        ifHttpUrl((url) => PLAIN_HOST.test(url.hostname)),
        {
          error:
            "has a host that may hold only letters, digits, hyphens and dots (at most 63 between dots, 253 in all), or be an IP address: no *, ;, ' or ,",
        },
      ),
      z.refine(
        ifHttpUrl((url) => url.username === '' && url.password === ''),
        { error: 'must not hold a user name or password (config.json is public)' },
      ),
    );

const path = z
  .string()
  .check(
    z.regex(/^\/[^\s]*$/, { error: 'must be a path starting with "/", for example "/callback"' }),
  );

const roleSchema = z.strictObject({
  name: z.string().check(
    z.regex(ROLE_NAME, {
      error: 'must be an IAM role name (1-64 letters, digits and +=,.@_- characters)',
    }),
  ),
  path: z._default(
    z.string().check(z.regex(ROLE_PATH, { error: 'must be an IAM path such as "/" or "/ci/"' })),
    '/',
  ),
  label: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))),
  maxDurationSeconds: z.optional(
    z
      .int()
      .check(
        z.gte(900, { error: 'must be at least 900 (15 minutes)' }),
        z.lte(43200, { error: 'must be at most 43200 (12 hours)' }),
      ),
  ),
  groups: z.optional(z.array(z.string())),
  chainFrom: z.optional(
    z.string().check(
      z.regex(ROLE_ARN, {
        error:
          'must be the ARN of the role to chain from, such as "arn:aws:iam::111122223333:role/Hub"',
      }),
    ),
  ),
  externalId: z.optional(
    z.string().check(
      z.regex(/^[\w+=,.@:/-]{2,1224}$/, {
        error: 'must be 2-1224 letters, digits and +=,.@:/-_ characters (the STS ExternalId rules)',
      }),
    ),
  ),
  // Read by the IAM template generator only (scripts/iam-template.ts), so that IAM and the app's
  // role list come from one file.
  subjects: z.optional(
    z.array(
      z.string().check(
        z.regex(/^[\x21-\x7e]{1,255}$/, {
          error: 'must be a "sub" value or pattern (* and ? are wildcards), such as "user-*"',
        }),
      ),
    ),
  ),
  policyArns: z.optional(
    z.array(
      z.string().check(
        z.regex(POLICY_ARN, {
          error: 'must be a managed policy ARN such as "arn:aws:iam::aws:policy/ReadOnlyAccess"',
        }),
      ),
    ),
  ),
});

const accountSchema = z.strictObject({
  id: z.string({ error: 'must be the 12-digit AWS account id, as a string in quotes' }).check(
    z.regex(/^\d{12}$/, {
      error: 'must be the 12-digit AWS account id, for example "111122223333"',
    }),
  ),
  name: z.string().check(z.minLength(1, { error: 'must name the account' })),
  color: z._default(
    z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour such as "#0ea5e9"' })),
    '#64748b',
  ),
  // Shown as a word badge and a frame on the account's sessions, such as "production".
  environment: z.optional(
    z.string().check(
      z.regex(/^[A-Za-z][\w -]{0,19}$/, {
        error:
          'must be a short word such as "production", "staging" or "sandbox" (at most 20 letters)',
      }),
    ),
  ),
  roles: z.array(roleSchema),
});

export const configSchema = z.strictObject({
  oidc: z.strictObject({
    authority: httpUrl('OpenID Connect issuer'),
    clientId: z
      .string()
      .check(z.minLength(1, { error: 'must be the client id registered at your provider' })),
    scope: z._default(
      z.string().check(
        z.regex(/(^|\s)openid(\s|$)/, {
          error: 'must include "openid", for example "openid profile email"',
        }),
      ),
      'openid profile email',
    ),
    redirectPath: z._default(path, '/callback'),
    postLogoutRedirectPath: z._default(path, '/'),
  }),
  sts: z.strictObject({
    region: z
      .string()
      .check(
        z.regex(REGION, { error: 'must be an AWS region such as "us-east-1" or "eu-west-1"' }),
      ),
    partition: z._default(
      z.enum(PARTITIONS, { error: 'must be "aws", "aws-cn" (China) or "aws-us-gov" (GovCloud)' }),
      'aws',
    ),
    endpoint: z.optional(httpUrl('STS endpoint (leave it out for real AWS)')),
    requestTimeoutSeconds: z._default(
      z
        .int({ error: 'must be a whole number of seconds' })
        .check(
          z.gte(1, { error: 'must be at least 1 second' }),
          z.lte(120, { error: 'must be at most 120 (two minutes)' }),
        ),
      15,
    ),
  }),
  session: z._default(
    z.strictObject({
      durationSeconds: z._default(
        z
          .int({ error: 'must be a whole number of seconds' })
          .check(
            z.gte(900, { error: 'must be at least 900 (15 minutes, the STS minimum)' }),
            z.lte(43200, { error: 'must be at most 43200 (12 hours, the STS maximum)' }),
          ),
        3600,
      ),
      sessionNameClaim: z._default(
        z.string().check(z.minLength(1, { error: 'must name an ID token claim, such as "email"' })),
        'email',
      ),
      refreshLeadSeconds: z._default(
        z
          .int({ error: 'must be a whole number of seconds' })
          .check(
            z.gte(10, { error: 'must be at least 10 seconds' }),
            z.lte(3600, { error: 'must be at most 3600 (an hour)' }),
          ),
        300,
      ),
      expiryWarningMinutes: z._default(
        z
          .int({ error: 'must be a whole number of minutes' })
          .check(
            z.gte(1, { error: 'must be at least 1 minute' }),
            z.lte(720, { error: 'must be at most 720 (12 hours)' }),
          ),
        10,
      ),
    }),
    {
      durationSeconds: 3600,
      sessionNameClaim: 'email',
      refreshLeadSeconds: 300,
      expiryWarningMinutes: 10,
    },
  ),
  security: z._default(
    z.strictObject({
      clipboardClearSeconds: z._default(
        z
          .int({ error: 'must be a whole number of seconds' })
          .check(
            z.gte(0, { error: 'must be 0 (never clear) or more' }),
            z.lte(3600, { error: 'must be at most 3600 (an hour)' }),
          ),
        60,
      ),
      // A browser fires a timer of more than 2^31-1 ms (about 24 days) at once.
      idleLockMinutes: z._default(
        z
          .int({ error: 'must be a whole number of minutes' })
          .check(
            z.gte(0, { error: 'must be 0 (off) or more' }),
            z.lte(720, { error: 'must be at most 720 (12 hours, the longest session)' }),
          ),
        0,
      ),
      // A browser fires a timer of more than 2^31-1 ms (about 24 days) at once.
      idleSignOutMinutes: z._default(
        z
          .int({ error: 'must be a whole number of minutes' })
          .check(
            z.gte(0, { error: 'must be 0 (off) or more' }),
            z.lte(720, { error: 'must be at most 720 (12 hours, the longest session)' }),
          ),
        0,
      ),
    }),
    { clipboardClearSeconds: 60, idleLockMinutes: 0, idleSignOutMinutes: 0 },
  ),
  roleClaims: z._default(
    z.array(z.string().check(z.minLength(1, { error: 'must name an ID token claim' }))),
    [],
  ),
  rememberRoles: z._default(z.boolean({ error: 'must be true or false' }), false),
  groupsClaim: z._default(
    z.string().check(z.minLength(1, { error: 'must name an ID token claim, such as "groups"' })),
    'groups',
  ),
  accounts: z.array(accountSchema),
  // The console broker (deploy/console-broker): "Open console" appears only when it is named.
  consoleBroker: z.optional(
    z.strictObject({
      url: httpUrl('console broker (its function URL, or a path behind your CloudFront)'),
    }),
  ),
  // What the provider's ID tokens carry, for the IAM template's trust policies.
  iam: z._default(
    z.strictObject({
      sessionTags: z._default(z.boolean({ error: 'must be true or false' }), false),
      sourceIdentity: z._default(z.boolean({ error: 'must be true or false' }), false),
    }),
    { sessionTags: false, sourceIdentity: false },
  ),
});

export type AppConfig = z.infer<typeof configSchema>;
export type AccountConfig = AppConfig['accounts'][number];
export type RoleConfig = AccountConfig['roles'][number];
