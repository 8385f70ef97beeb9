import type { CallerIdentity } from '../../lib/aws/types';
import { parseAssumedRoleArn } from '../../utils/arn';

/** Who AWS says these credentials are: the answer to GetCallerIdentity. */
export function IdentityCard({
  identity,
  accountName,
  roleLabel,
}: {
  identity: CallerIdentity;
  accountName: string;
  roleLabel: string;
}) {
  const parsed = parseAssumedRoleArn(identity.arn);
  const rows: [string, string][] = [
    ['Account', `${accountName} (${identity.account})`],
    ['Role', parsed ? `${roleLabel} (${parsed.roleName})` : roleLabel],
    ...(parsed ? ([['Session name', parsed.sessionName]] as [string, string][]) : []),
    ['ARN', identity.arn],
    ['User ID', identity.userId],
  ];
  return (
    <section
      aria-labelledby="identity-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="identity-heading" className="text-sm font-semibold text-slate-800">
        Assumed as
      </h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-mono break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
