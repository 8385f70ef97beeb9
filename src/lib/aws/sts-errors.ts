import {
  chainedDenial,
  clockDisagreement,
  expiredTokenCause,
  invalidParameter,
  invalidParameterCause,
  invalidTokenCause,
  unreachableProviderCause,
  webIdentityDenial,
} from './sts-error-causes';
import {
  factsOf,
  quoting,
  type Facts,
  type StsExplanation,
  type StsFailureInContext,
  type Words,
} from './sts-error-facts';

interface Entry {
  retryable: boolean;
  explain: (facts: Facts) => Words;
}

/**
 * Explains an STS error from the one table of STS error codes: nothing else in the app describes them. Each code has a title
 * and hint for the session panel, and a meaning, likely cause and fix for the training view.
 */
export function explainStsError(input: StsFailureInContext): StsExplanation {
  const code = normaliseStsCode(input.code);
  const facts = factsOf({ ...input, code });
  const entry = CATALOGUE[code];
  if (!entry) {
    return {
      code,
      retryable: input.status === undefined || input.status >= 500,
      ...explainUnknown(facts),
    };
  }
  return { code, retryable: entry.retryable, ...entry.explain(facts) };
}

/** The SDK names modelled errors with an "Exception" suffix; the wire codes do not all have it. */
export function normaliseStsCode(code: string): string {
  const modelled: Record<string, string> = {
    InvalidIdentityTokenException: 'InvalidIdentityToken',
    IDPRejectedClaimException: 'IDPRejectedClaim',
    IDPCommunicationErrorException: 'IDPCommunicationError',
    ThrottlingException: 'Throttling',
    MalformedPolicyDocumentException: 'MalformedPolicyDocument',
    PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
    InvalidAuthorizationMessageException: 'InvalidAuthorizationMessage',
  };
  return modelled[code] ?? code;
}

const CATALOGUE: Record<string, Entry> = {
  AccessDenied: {
    retryable: false,
    explain: (f) =>
      f.input.action === 'DecodeAuthorizationMessage'
        ? decodeDenial(f)
        : f.input.action === 'GetAccessKeyInfo'
          ? accessKeyInfoDenial(f)
          : f.chained
            ? chainedDenial(f)
            : webIdentityDenial(f),
  },

  InvalidAuthorizationMessage: {
    retryable: false,
    explain: (f) => ({
      title: 'This is not an encoded authorization message AWS can read',
      hint: 'Paste the whole text after "Encoded authorization failure message:", with nothing cut or added, and decode it in the account where the call was denied.',
      meaning:
        'DecodeAuthorizationMessage could not decode the text: it is cut, altered, or from another account.',
      likelyCause: `The message was copied only in part, or with extra characters.${f.said}`,
      fix: 'Copy the encoded message again from the error, in full, and decode it with a session in the same account.',
    }),
  },

  InvalidParameterValue: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS STS refused a value in the request',
      hint: `${quoting(f)}Check what you typed and try again.`,
      meaning: `AWS STS refused a parameter of ${f.input.action} as invalid.`,
      likelyCause: f.said.trim() || 'AWS gave no message with it.',
      fix: 'Check the value and try again.',
    }),
  },

  InvalidIdentityToken: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS could not validate your ID token',
      hint: `${quoting(f)}Usually the account has no IAM OIDC provider for this issuer, or the provider's client ids do not include this app's client id. Ask your AWS administrator to check the IAM OIDC provider.`,
      meaning: `AWS could not accept your ID token as coming from an identity provider that account ${f.account} trusts.`,
      ...invalidTokenCause(f),
    }),
  },

  ExpiredTokenException: {
    retryable: false,
    explain: (f) =>
      clockDisagreement(f) ?? {
        title: 'Your sign-in has expired',
        hint: 'AWS refused the ID token because it has expired. Sign in again to get a fresh one.',
        meaning: 'AWS refused the ID token because it was past its expiry time when it arrived.',
        likelyCause: expiredTokenCause(f),
        fix: 'Sign in again to get a fresh ID token, then assume the role again.',
      },
  },

  ExpiredToken: {
    retryable: false,
    explain: (f) => ({
      title: 'These credentials have expired',
      hint: 'AWS no longer accepts them. Assume the role again to get fresh credentials.',
      meaning: 'The temporary credentials that signed this request have expired.',
      likelyCause: `The role session used to sign the call ran out.${f.said}`,
      fix: 'Assume the role again for fresh credentials.',
    }),
  },

  IDPRejectedClaim: {
    retryable: false,
    explain: (f) => ({
      title: 'Your identity provider rejected a claim in your token',
      hint: `${quoting(f)}Sign in again; if it keeps failing, ask your administrator.`,
      meaning:
        'AWS refused a claim in your token, or your provider reported the token as expired or revoked.',
      likelyCause: `A claim AWS checks did not hold (iss ${f.issuer}, aud ${f.aud}, sub ${f.sub}).${f.said}`,
      fix: "Sign in again for a fresh token; if it keeps failing, ask the provider's administrator what the token is missing.",
    }),
  },

  IDPCommunicationError: {
    retryable: true,
    explain: (f) => ({
      title: 'AWS could not reach your identity provider',
      hint: "AWS could not download the provider's signing keys to check your token. This is usually temporary: try again in a moment.",
      meaning:
        'STS could not reach your identity provider to fetch the keys that check your token.',
      likelyCause: `${unreachableProviderCause(f)}${f.said}`,
      fix: 'Try again in a moment. If it keeps failing, make sure the discovery document and the JWKS are reachable (for real AWS: publicly, over https).',
    }),
  },

  ValidationError: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS STS refused the request as invalid',
      hint: validationHint(f),
      meaning:
        'AWS STS refused a parameter of the request as invalid, before looking at who you are.',
      ...invalidParameterCause(f),
    }),
  },

  RegionDisabledException: {
    retryable: false,
    explain: (f) => {
      const region = /sts\.([a-z0-9-]+)\.amazonaws/.exec(f.input.endpoint ?? '')?.[1];
      const where = region ? `the ${region} region` : 'this region';
      return {
        title: 'AWS STS is not activated in this region',
        hint: 'Ask your AWS administrator to activate STS in this region, or set another "sts.region" in config.json.',
        meaning: `AWS STS is not activated in ${where} for account ${f.account}.`,
        likelyCause: `STS is active by default in the default regions, so an administrator has deactivated it there, or the region is an opt-in region not yet enabled for the account.${f.said}`,
        fix: `Activate STS for ${where} in account ${f.account} (IAM console, Account settings), or set another "sts.region" in config.json.`,
      };
    },
  },

  InvalidClientTokenId: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS does not recognise these credentials',
      hint: 'They may have been revoked. Assume the role again.',
      meaning: 'AWS does not recognise the access key id that signed this request.',
      likelyCause: `The credentials were revoked (an administrator revoked the role's active sessions), or they are not valid at this endpoint.${f.said}`,
      fix: 'Assume the role again for fresh credentials.',
    }),
  },

  SignatureDoesNotMatch: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS rejected the request signature',
      hint: "Your computer's clock may be far off, or the credentials are damaged. Check the clock and assume the role again.",
      meaning:
        'The SigV4 signature AWS computed for this request differs from the one the request carried.',
      likelyCause: `The secret access key does not belong to the access key id (damaged credentials), or something between the browser and STS changed the request after it was signed.${f.said}`,
      fix: "Assume the role again; if it keeps failing, check this computer's clock and any proxy in between.",
    }),
  },

  RequestExpired: {
    retryable: true,
    explain: (f) => ({
      title: "Your computer's clock is too far off",
      hint: 'AWS refuses requests dated more than 15 minutes away from its own time. Correct the clock and try again.',
      meaning:
        "AWS refused the request because its signing time (X-Amz-Date) is more than 15 minutes away from AWS's own clock.",
      likelyCause: `This computer's clock is off.${f.said}`,
      fix: 'Correct the clock (let the computer set its time automatically) and try again.',
    }),
  },

  MalformedPolicyDocument: {
    retryable: false,
    explain: (f) => ({
      title: 'AWS refused the session policy',
      hint: `${quoting(f)}The inline session policy sent with the request is not a valid IAM policy.`,
      meaning: 'The session policy sent with the request is not a valid IAM policy.',
      likelyCause: `The Policy parameter (see the request above) is not valid policy JSON, or uses an element a session policy cannot.${f.said}`,
      fix: "Correct the session policy, or send none: the role's own permissions then apply unchanged.",
    }),
  },

  PackedPolicyTooLarge: {
    retryable: false,
    explain: (f) => ({
      title: 'The session policies and tags are too large',
      hint: `${quoting(f)}Your token carries more session tags (or longer ones) than AWS can pack: ask your identity provider administrator to send fewer.`,
      meaning: 'Session policies and session tags together are larger than AWS allows.',
      likelyCause:
        f.tagKeys.length > 0
          ? `Your token asks for ${f.tagKeys.length} session tag${f.tagKeys.length === 1 ? '' : 's'} (${f.tagKeys.join(', ')}) through the https://aws.amazon.com/tags claim, and with any session policy they take too much room.${f.said}`
          : `The session policy or tags sent with the request take too much room.${f.said}`,
      fix: 'Send fewer or shorter session tags from the provider, or a smaller session policy.',
    }),
  },

  Throttling: {
    retryable: true,
    explain: (f) => ({
      title: 'AWS STS is busy',
      hint: 'Too many requests were made just now. Wait a few seconds and try again.',
      meaning: 'AWS STS refused the request because too many were made in a short time.',
      likelyCause: `Requests to STS exceeded its rate limit for this account or address.${f.said}`,
      fix: 'Wait a few seconds and try again.',
    }),
  },

  // Rolecall's own code: no answer within sts.requestTimeoutSeconds. The message is "… N s".
  RequestTimeout: {
    retryable: true,
    explain: (f) => {
      const seconds = Number(/(\d+) s/.exec(f.message)?.[1] ?? 0);
      const within = seconds ? ` within ${seconds} second${seconds === 1 ? '' : 's'}` : ' in time';
      return {
        title: `AWS STS did not answer${within}`,
        hint: `Rolecall gave up waiting for ${f.input.endpoint ?? 'AWS STS'}. The network or AWS may be slow right now (or, for the demo, the STS may be paused): try again.`,
        meaning:
          'The request reached no answer before Rolecall stopped waiting (sts.requestTimeoutSeconds).',
        likelyCause:
          'A slow or blocked network path to STS, or an STS endpoint that is not answering.',
        fix: 'Try again; if it keeps happening, check the network path to the STS endpoint.',
      };
    },
  },

  ServiceUnavailable: {
    retryable: true,
    explain: (f) => ({
      title: 'AWS STS is temporarily unavailable',
      hint: 'Wait a moment and try again.',
      meaning: 'AWS STS could not handle the request just now.',
      likelyCause: `A passing problem at the STS endpoint.${f.said}`,
      fix: 'Wait a moment and try again.',
    }),
  },

  NetworkError: {
    retryable: true,
    explain: (f) => {
      const endpoint = f.input.endpoint ?? 'the STS endpoint';
      return {
        title: 'AWS STS could not be reached',
        hint: `Rolecall could not connect to ${endpoint}. Check your network connection (or, for the demo, that "npm start" is still running) and try again.`,
        meaning: "Rolecall's request never got an answer from AWS STS.",
        likelyCause: `The browser could not connect to ${endpoint}: it is offline, the demo stack ("npm start") is not running, or the browser blocked the answer (CORS), whose reason it does not tell the page.`,
        fix: 'Check the network connection (or that "npm start" is still running) and try again.',
      };
    },
  },
};

function decodeDenial(f: Facts): Words {
  return {
    title: 'This session may not decode authorization messages',
    hint: 'Its role lacks the sts:DecodeAuthorizationMessage permission. Decode the message with a session of a role that has it, or ask your AWS administrator to add it.',
    meaning:
      'DecodeAuthorizationMessage needs sts:DecodeAuthorizationMessage in the caller’s own permissions policies, and this role has no allow for it.',
    likelyCause: `The role's policies do not allow sts:DecodeAuthorizationMessage.${f.said}`,
    fix: 'Add sts:DecodeAuthorizationMessage to a support role’s policy, or use one that has it.',
  };
}

function accessKeyInfoDenial(f: Facts): Words {
  return {
    title: 'This session may not look up access keys',
    hint: 'Choose another role’s session (GetAccessKeyInfo needs sts:GetAccessKeyInfo) and try again.',
    meaning: 'AWS refused GetAccessKeyInfo for this caller.',
    likelyCause: `The caller's policies deny sts:GetAccessKeyInfo, or it is a federated user.${f.said}`,
    fix: 'Use an assumed-role session whose policies allow sts:GetAccessKeyInfo.',
  };
}

function explainUnknown(f: Facts): Words {
  const { action, code } = f.input;
  return {
    title: `AWS STS refused ${action} (${code})`,
    hint: `${quoting(f)}Try again; if it keeps failing, send this to your administrator.`,
    meaning: `AWS STS refused ${action} with the error code ${code}.`,
    likelyCause: f.said.trim() || 'AWS gave no message with it.',
    fix: `Look up ${code} in the STS API reference; if it keeps happening, send the request id to your administrator.`,
  };
}

/** The one next step for a ValidationError, by the parameter AWS names. */
function validationHint(f: Facts): string {
  const parameter = invalidParameter(f.message);
  if (parameter === 'sourceIdentity') {
    return `${quoting(f)}The source identity your identity provider sends is not one AWS accepts: ask its administrator to fix it.`;
  }
  if (parameter === 'webIdentityToken') {
    return `${quoting(f)}Your ID token is too large for AWS: ask your identity provider administrator to send fewer claims in it.`;
  }
  if (parameter === undefined ? /duration/i.test(f.message) : parameter === 'durationSeconds') {
    return `${quoting(f)}This role allows shorter sessions than the length asked for: choose a shorter one.`;
  }
  return `${quoting(f)}Rolecall sent a value AWS does not accept. Send this message to your AWS administrator.`;
}
