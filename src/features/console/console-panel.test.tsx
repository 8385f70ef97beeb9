import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoleSession } from '../../types/session';
import ConsolePanel from './console-panel';

const session = {
  role: { chainFrom: undefined },
  assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
  credentials: {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiresAt: Date.now() + 3_600_000,
  },
} as unknown as RoleSession;

const LOGIN = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret-token';

function fakeTab() {
  return { opener: {} as unknown, close: vi.fn(), location: { replace: vi.fn() } };
}

afterEach(() => vi.unstubAllGlobals());

describe('ConsolePanel', () => {
  it('opens the tab on the click, then points it at the login URL, never showing it', async () => {
    const tab = fakeTab();
    const open = vi.fn(() => tab);
    vi.stubGlobal('open', open);
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(JSON.stringify({ loginUrl: LOGIN })))),
    );
    render(
      <ConsolePanel
        session={session}
        brokerUrl="https://b.example/"
        regionChoices={['eu-west-1']}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open console' }));
    expect(open).toHaveBeenCalledWith('about:blank', '_blank');
    expect(tab.opener).toBeNull();
    await vi.waitFor(() => expect(tab.location.replace).toHaveBeenCalledWith(LOGIN));
    expect(await screen.findByText('Opened Console home in eu-west-1 in a new tab.')).toBeVisible();
    expect(document.body.innerHTML).not.toContain('secret-token');
  });

  it('closes the tab and tells a broker failure in words', async () => {
    const tab = fakeTab();
    vi.stubGlobal(
      'open',
      vi.fn(() => tab),
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    render(
      <ConsolePanel
        session={session}
        brokerUrl="https://b.example/"
        regionChoices={['eu-west-1']}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open console' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The console broker did not answer');
    expect(tab.close).toHaveBeenCalled();
  });

  it('says when the browser blocked the tab', async () => {
    vi.stubGlobal(
      'open',
      vi.fn(() => null),
    );
    render(
      <ConsolePanel
        session={session}
        brokerUrl="https://b.example/"
        regionChoices={['eu-west-1']}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open console' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your browser blocked the new tab');
  });
});
