import type { ActionOutput, SignedActionInput } from '../action-context.ts';
import { requirePermission } from '../permissions.ts';
import { Validator } from '../validation.ts';
import { el } from '../xml.ts';

/**
 * DecodeAuthorizationMessage: the details behind an "Encoded authorization failure message" (the
 * demo's come from its EC2 stand-in, ec2-stand-in.ts). The caller needs
 * `sts:DecodeAuthorizationMessage` in its permissions policies; a message that is cut, altered or
 * not this STS's is InvalidAuthorizationMessageException.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export async function decodeAuthorizationMessage({
  params,
  state,
  caller,
}: SignedActionInput): Promise<ActionOutput> {
  const validator = new Validator();
  const encoded = validator.string('encodedMessage', params.get('EncodedMessage'), {
    required: true,
    minLength: 1,
    maxLength: 10240,
  });
  validator.check();
  requirePermission(caller, 'sts:DecodeAuthorizationMessage');
  return { result: [el('DecodedMessage', state.authorizationMessages.decode(encoded ?? ''))] };
}
