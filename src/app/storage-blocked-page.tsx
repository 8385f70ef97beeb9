/** Shown instead of the app when the browser refuses sessionStorage, which signing in needs. */
export function StorageBlockedPage({ framed }: { framed: boolean }) {
  return (
    <main className="mx-auto grid max-w-2xl gap-4 p-8">
      <h1 className="text-2xl font-semibold text-slate-900">
        Rolecall cannot sign you in here: this browser refuses it site storage
      </h1>
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
        <p>
          Signing in keeps one short-lived value in this tab&apos;s session storage while you are at
          your identity provider, and the browser does not allow it
          {framed ? ' to a page shown inside another site' : ''}.
        </p>
        <p className="mt-2 font-semibold">
          {framed
            ? 'Open Rolecall in its own tab.'
            : 'Allow site data (cookies and site storage) for this site in your browser settings, then reload.'}
        </p>
      </div>
      <p className="text-sm text-slate-700">
        Your tokens and AWS credentials are never stored: they stay in this tab&apos;s memory.
      </p>
    </main>
  );
}
