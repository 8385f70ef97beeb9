import { parseAssumedRoleArn } from '../../utils/arn';
import type { RoleSession } from '../sessions/session-queries';

/** Who AWS says these credentials are: the answer to GetCallerIdentity, and how they were reached. */
export function IdentityCard({ session }: { session: RoleSession }) {
  const { identity, role } = session;
  const parsed = parseAssumedRoleArn(identity.arn);
  const rows: [string, string][] = [
    ['Account', `${role.accountName} (${identity.account})`],
    ['Role', parsed ? `${role.label} (${parsed.roleName})` : role.label],
    ...(parsed ? ([['Session name', parsed.sessionName]] as [string, string][]) : []),
    ['ARN', identity.arn],
    ['User ID', identity.userId],
    ...(session.chain.length > 0
      ? ([['Reached through', session.chain.join(' → ')]] as [string, string][])
      : []),
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
