import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { useCopy } from '../../hooks/use-copy';
import type { RoleOption } from '../roles/role-catalog';
import type { Show } from './display';
import { tokenIssuer, type Claims } from './token-claims';
import { NoData, RawBlock } from './training-step';
import { chainedTrustPolicy, webIdentityTrustPolicy } from './trust-policy';

interface Policy {
  json: string;
  about: string;
  warnings: string[];
}

function policyFor(claims: Claims, issuer: string, role: RoleOption): Policy | undefined {
  if (role.chainFrom) {
    return {
      json: chainedTrustPolicy({ hubRoleArn: role.chainFrom, externalId: role.externalId, claims })
        .json,
      about: `${role.label} is a chained role: your token never reaches it. It must trust the role it is reached from (${role.chainFrom}), which calls sts:AssumeRole with its own credentials.`,
      warnings: [],
    };
  }
  const iss = tokenIssuer(claims, issuer);
  const generated = webIdentityTrustPolicy({
    issuer: iss,
    claims,
    roleArn: role.arn,
    accountId: role.accountId,
  });
  if (!generated) return undefined;
  return {
    json: generated.json,
    about: `For ${role.label} (${role.arn}) in ${role.accountName}: trust the IAM OIDC provider ${generated.providerArn}, and only tokens whose ${generated.audience.from === 'azp' ? 'azp (which AWS uses for aud)' : 'aud'} and sub are this token's. Allowed actions: ${generated.actions.join(', ')}.`,
    warnings: generated.warnings,
  };
}

export function TrustPolicyPanel({
  claims,
  issuer,
  role,
  show,
}: {
  claims?: Claims;
  issuer: string;
  role?: RoleOption;
  show: Show;
}) {
  const id = useId();
  const { state, copy } = useCopy();
  const policy = claims && role ? policyFor(claims, issuer, role) : undefined;

  return (
    <section aria-labelledby={id} className="grid gap-3 border-t border-slate-200 pt-4">
      <h3 id={id} className="text-base font-semibold text-slate-900">
        The trust policy that would admit this token
      </h3>
      {!claims ? (
        <NoData />
      ) : !role ? (
        <NoData>Choose a role to see the trust policy that would admit this token.</NoData>
      ) : !policy ? (
        <NoData>This token has no usable aud or sub claim, so no trust policy can admit it.</NoData>
      ) : (
        <>
          <p className="max-w-prose text-sm text-slate-800">{show(policy.about)}</p>
          {policy.warnings.map((warning) => (
            <p key={warning} className="max-w-prose text-sm text-amber-900">
              <span className="font-semibold">Note: </span>
              {show(warning)}
            </p>
          ))}
          <RawBlock caption="Trust policy (JSON)" text={policy.json} show={show} />
          <div className="flex flex-wrap items-center gap-2">
            <Button
              aria-label="Copy trust policy"
              // A trust policy is no secret (anyone with iam:GetRole reads it), and a masked
              // account id would make it useless, so presenter mode masks the screen, not the copy.
              onClick={() => void copy(policy.json)}
            >
              Copy
            </Button>
            <span role="status" className="text-sm font-medium text-slate-800">
              {state === 'copied'
                ? 'Copied trust policy'
                : state === 'failed'
                  ? 'Could not copy: your browser refused clipboard access.'
                  : ''}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
