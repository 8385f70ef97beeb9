/** What an access key id's prefix says (IAM User Guide, "Unique identifier prefixes"). */
export type KeyKind = 'long-term' | 'temporary';

export type KeyCheck = { ok: true; keyId: string; kind: KeyKind } | { ok: false; problem: string };

const KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;

/** Checks a pasted access key id before it is sent to AWS; spaces around it are dropped. */
export function checkAccessKeyId(typed: string): KeyCheck {
  const keyId = typed.trim();
  if (keyId === '')
    return { ok: false, problem: 'Paste an access key id, such as ASIA… or AKIA….' };
  if (/^A[A-Z]{3}/.test(keyId) && !/^(AKIA|ASIA)/.test(keyId)) {
    return {
      ok: false,
      problem: `This starts with ${keyId.slice(0, 4)}, which is not an access key id (those start with AKIA or ASIA): it may be a user or role id. Paste the access key id itself.`,
    };
  }
  if (!KEY_ID.test(keyId)) {
    return {
      ok: false,
      problem:
        'This is not an access key id: those are 16 to 128 capital letters and digits, starting with AKIA or ASIA. Paste the id only, not the secret access key.',
    };
  }
  return { ok: true, keyId, kind: keyId.startsWith('AKIA') ? 'long-term' : 'temporary' };
}

export const KEY_KIND_WORDS: Record<KeyKind, string> = {
  'long-term':
    'AKIA: a long-term key of an IAM user (or the root user). It works until someone deactivates or deletes it, so a leaked one must be deactivated in IAM now.',
  temporary:
    'ASIA: temporary credentials from AWS STS (an assumed role or a federated session). They stop working at their expiry; CloudTrail’s STS events in that account say who asked for them.',
};
