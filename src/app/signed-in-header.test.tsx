import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignedInHeader } from './signed-in-header';

const noop = async () => undefined;

describe('SignedInHeader', () => {
  it('keeps a right-to-left override in the name from reversing the email beside it', () => {
    render(
      <SignedInHeader
        person={{
          subject: 'user-mallory',
          issuer: 'https://idp.example',
          name: 'Mallory \u202Etnemyap',
          email: 'mallory@example.com',
          idTokenExpiresAt: Date.now() + 3_600_000,
          claims: {},
        }}
        getIdToken={async () => 'token'}
        canSwitch={false}
        presenter={false}
        onPresenterChange={() => undefined}
        onOpenSwitcher={() => undefined}
        onSignInAgain={noop}
        onSignOut={noop}
      />,
    );
    const signedInAs = screen.getByText(/^Signed in as/);
    expect(signedInAs).toHaveTextContent(
      'Signed in as Mallory ⟨U+202E⟩tnemyap (mallory@example.com)',
    );
    expect(signedInAs.textContent).not.toContain('\u202E');
    expect(signedInAs.querySelectorAll('bdi')).toHaveLength(2);
  });
});
