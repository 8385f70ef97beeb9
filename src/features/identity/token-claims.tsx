import { usePresenterMode } from '../../components/ui/presenter-mode';
import { maskAccountIds } from '../../utils/mask';
import { readableJson } from '../../utils/untrusted-text';

/** The ID token's claims, decoded and readable. Shown here only: never sent anywhere. */
export function TokenClaims({ claims }: { claims: Readonly<Record<string, unknown>> }) {
  const presenter = usePresenterMode();
  const text = readableJson(claims);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-semibold text-slate-800">
        Your ID token&apos;s claims
      </summary>
      <p className="mt-2 text-slate-600">
        Decoded in this tab from the token your provider issued. Rolecall sends the token only to
        AWS STS.
      </p>
      <pre
        tabIndex={0}
        aria-label="Decoded claims"
        className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {presenter ? maskAccountIds(text) : text}
      </pre>
    </details>
  );
}
