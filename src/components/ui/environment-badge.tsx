import { environmentLook } from './environment-look';

/** The account's environment as a word ("PRODUCTION"): the colour repeats it, never replaces it. */
export function EnvironmentBadge({ environment }: { environment: string }) {
  return (
    <span
      className={`inline-block shrink-0 rounded border px-1.5 py-0.5 text-xs font-bold tracking-wide uppercase ${environmentLook(environment).badge}`}
    >
      {environment}
    </span>
  );
}
