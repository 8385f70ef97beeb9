import { Component, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/** The last line of defence: a readable page with a way back instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="mx-auto grid max-w-2xl gap-4 p-8">
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
          <p>Rolecall hit an unexpected problem: {this.state.error.message}</p>
          <p className="mt-2 text-sm">
            Reload the page to start again. Your credentials were held in memory only, so you will
            need to sign in again.
          </p>
        </div>
        <button
          type="button"
          className="w-max rounded-md bg-indigo-700 px-3 py-1.5 text-white"
          onClick={() => window.location.assign('/')}
        >
          Reload Rolecall
        </button>
      </main>
    );
  }
}
