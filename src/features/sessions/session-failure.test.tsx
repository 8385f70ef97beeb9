import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useExplanationRequests } from '../../hooks/use-explanation-link';
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

const renderFailure = (error: Error) =>
  render(
    <SessionFailure
      error={error}
      refreshing={false}
      expired={false}
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
});
