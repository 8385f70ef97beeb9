import { malformedPolicyDocument, packedPolicyTooLarge } from './errors.ts';
import type { Tag } from './query.ts';
import { parsePolicyDocument, PolicySyntaxError } from './trust-policy/policy-document.ts';

/**
 * Session policies and the packed-size limit they share with session tags.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */

/** Throws MalformedPolicyDocument when the inline session policy is not a valid IAM policy. */
export function checkSessionPolicy(policy: string | undefined): void {
  if (policy === undefined) return;
  try {
    parsePolicyDocument(policy, 'session');
  } catch (error) {
    if (!(error instanceof PolicySyntaxError)) throw error;
    const principal = error.message === 'Policy document should not specify a principal.';
    throw malformedPolicyDocument(principal ? error.message : 'Syntax errors in policy.');
  }
}

/**
 * AWS packs session policies, policy ARNs and session tags into a binary form with its own limit
 * and does not publish the packing. We approximate it as linear in the compact text, calibrated on
 * two published figures (a 1,690-character policy packs to 157%, one with 31 of its 42 actions to
 * 118%): about 11 characters per percent.
 */
const PACKED_BUDGET_CHARACTERS = 1100;
const PER_TAG_OVERHEAD = 4;

export interface PackedInput {
  policy?: string;
  policyArns: readonly string[];
  tags: readonly Tag[];
}

export function packedPolicySize({ policy, policyArns, tags }: PackedInput): number {
  const policyCharacters = policy === undefined ? 0 : JSON.stringify(JSON.parse(policy)).length;
  const arnCharacters = policyArns.reduce((sum, arn) => sum + arn.length, 0);
  const tagCharacters = tags.reduce(
    (sum, tag) => sum + tag.key.length + tag.value.length + PER_TAG_OVERHEAD,
    0,
  );
  const total = policyCharacters + arnCharacters + tagCharacters;
  return Math.ceil((total * 100) / PACKED_BUDGET_CHARACTERS);
}

/**
 * The PackedPolicySize to report, or undefined when nothing was passed (AWS leaves the element out
 * then); throws PackedPolicyTooLarge above 100%.
 */
export function checkPackedSize(input: PackedInput): number | undefined {
  if (input.policy === undefined && input.policyArns.length === 0 && input.tags.length === 0) {
    return undefined;
  }
  const percent = packedPolicySize(input);
  if (percent > 100) throw packedPolicyTooLarge(percent);
  return percent;
}
