import type { RoleSession } from '../../types/session';
import { TraceSession } from './trace-session';
import { WhoseKey } from './whose-key';
import { WhyDenied } from './why-denied';

export const SUPPORT_ANCHOR = 'support-tools';

/**
 * The support tools, signed with the open session: whose key, why denied, trace. Reached from
 * the identity card's link. Lazy-loaded.
 */
export default function SupportPanel({ session }: { session: RoleSession }) {
  return (
    <section
      id={SUPPORT_ANCHOR}
      tabIndex={-1}
      aria-labelledby={`${SUPPORT_ANCHOR}-heading`}
      className="grid gap-5 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${SUPPORT_ANCHOR}-heading`} className="text-sm font-semibold text-slate-800">
        Support
      </h3>
      <WhoseKey session={session} />
      <WhyDenied session={session} />
      <TraceSession session={session} />
    </section>
  );
}
