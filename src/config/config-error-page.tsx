import type { ExplainedError } from '../utils/explained-error';
import type { ConfigProblem } from './parse-config';

/** Shown instead of the app when /config.json is missing or invalid: says which field and what it expects. */
export function ConfigErrorPage({
  error,
  problems,
}: {
  error: ExplainedError;
  problems: ConfigProblem[];
}) {
  return (
    <main className="mx-auto grid max-w-2xl gap-4 p-8">
      <h1 className="text-2xl font-semibold text-slate-900">
        Rolecall cannot start: its configuration needs fixing
      </h1>
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
        <p>
          <span className="font-semibold">{error.title}.</span> {error.hint}
        </p>
        {problems.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {problems.map((problem, index) => (
              <li key={index}>
                <code className="font-mono font-semibold">
                  {problem.field || '(the whole file)'}
                </code>{' '}
                {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">
        The configuration reference in the README describes every field. The file is read at
        start-up, so a fix takes effect on reload without a new build.
      </p>
    </main>
  );
}
