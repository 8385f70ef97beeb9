import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import { principalArn, principalUserId } from '../principal.ts';
import { el } from '../xml.ts';

/**
 * GetCallerIdentity: who signed the request. Needs no permission and cannot be denied.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export async function getCallerIdentity({ caller }: SignedActionInput): Promise<ActionOutput> {
  const { principal } = caller;
  return {
    result: [
      el('Arn', principalArn(principal)),
      el('UserId', principalUserId(principal)),
      el('Account', principal.account.id),
    ],
  };
}
