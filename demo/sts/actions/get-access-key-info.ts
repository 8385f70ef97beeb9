import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import { accessDenied, invalidParameterValue } from '../errors.ts';
import { principalArn } from '../principal.ts';
import { PATTERNS, Validator } from '../validation.ts';
import { findUserByAccessKey } from '../world.ts';
import { el } from '../xml.ts';

/**
 * GetAccessKeyInfo: the account an access key id belongs to, for any signed caller. `AKIA…` keys
 * are an IAM user's long-term keys, `ASIA…` temporary credentials from STS; the answer says
 * nothing about whether the key still works. The demo knows its IAM users' keys and every session
 * it issued (expired ones for a day); any other key is unknown to it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
export async function getAccessKeyInfo({
  params,
  state,
  caller,
}: SignedActionInput): Promise<ActionOutput> {
  const validator = new Validator();
  const accessKeyId = validator.string('accessKeyId', params.get('AccessKeyId'), {
    required: true,
    minLength: 16,
    maxLength: 128,
    pattern: PATTERNS.accessKeyId,
  });
  validator.check();
  if (caller.principal.kind === 'federated-user') {
    // Federated users may call no STS action but GetCallerIdentity.
    const who = principalArn(caller.principal);
    throw accessDenied(`User: ${who} is not authorized to perform: sts:GetAccessKeyInfo`);
  }
  const id = accessKeyId ?? '';
  const account =
    state.sessions.find(id)?.principal.account ?? findUserByAccessKey(state.world, id)?.account;
  if (!account) {
    throw invalidParameterValue(
      `The access key ID ${id} is unknown here: the local demo STS knows only its IAM users' keys and the sessions it issued.`,
    );
  }
  return { result: [el('Account', account.id)] };
}
