import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useExplanationRequests } from '../../hooks/use-explanation-link';
import { SignInRequired } from '../../lib/auth/id-token-source';
import { ExplainedError, type ExplainedErrorFields } from '../../utils/explained-error';
import { SessionFailure } from './session-failure';

const FIELDS: ExplainedErrorFields = {
  source: 'sts',
  operation: 'AssumeRoleWithWebIdentity',
  code: 'AccessDenied',
  title: 'Your sign-in is not allowed to assume this role',
  hint: "Ask your AWS administrator to check the role's trust policy.",
  retryable: false,
};

function Listener({ onRequest }: { onRequest: () => void }) {
  useExplanationRequests(onRequest);
  return null;
}

const renderFailure = (error: Error, { refreshing = false, expired = false } = {}) =>
  render(
    <SessionFailure
      error={error}
      refreshing={refreshing}
      expired={expired}
      retry={() => {}}
      busy={false}
      onSignInAgain={async () => {}}
    />,
  );

describe('SessionFailure', () => {
  it('links an STS failure to the training view’s explanation', async () => {
    const onRequest = vi.fn();
    render(<Listener onRequest={onRequest} />);
    renderFailure(new ExplainedError(FIELDS));
    const link = screen.getByRole('link', { name: 'Why it failed' });
    expect(link).toHaveAttribute('href', '#why-it-failed');
    await userEvent.click(link);
    expect(onRequest).toHaveBeenCalledOnce();
  });

  it('has no such link for a failure the training view does not explain', () => {
    renderFailure(new ExplainedError({ ...FIELDS, source: 'auth' }));
    expect(screen.queryByRole('link', { name: 'Why it failed' })).not.toBeInTheDocument();
  });

  describe('what it says of the credentials in hand, after a failed refresh', () => {
    const failures: [string, () => Error][] = [
      ['the sign-in has expired', () => new SignInRequired(Date.now() - 1000)],
      ['AWS refused the refresh', () => new ExplainedError(FIELDS)],
      ['AWS could not be reached', () => new ExplainedError({ ...FIELDS, retryable: true })],
    ];

    it.each(failures)(
      '%s, before they expire: they keep working until the countdown ends',
      (_, error) => {
        renderFailure(error(), { refreshing: true, expired: false });
        expect(document.body).toHaveTextContent(/keep working until the countdown ends/);
      },
    );

    it.each(failures)('%s, once they have expired: never that they keep working', (_, error) => {
      renderFailure(error(), { refreshing: true, expired: true });
      expect(document.body).not.toHaveTextContent(/keep working|still work/i);
      expect(document.body).toHaveTextContent(/have expired/);
    });
  });
});
