import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import demoConfig from '../../../public/config.json';
import { ConfigProvider } from '../../config/config-context';
import { parseConfig } from '../../config/parse-config';
import { StsProvider } from '../../lib/aws/sts-context';
import { fakeSts } from '../sessions/fake-sts';
import type { RoleSession } from '../../types/session';
import SupportPanel from './support-panel';

const parsed = parseConfig(demoConfig);
if (!parsed.ok) throw new Error('demo config');

const session = {
  role: { accountId: '111111111111' },
  roleSessionName: 'alice@example.com',
  receivedAt: Date.UTC(2026, 0, 1, 12),
  credentials: {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiresAt: Date.UTC(2026, 0, 1, 13),
  },
} as unknown as RoleSession;

function renderPanel(sts = fakeSts()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ConfigProvider config={parsed.ok ? parsed.config : (undefined as never)}>
        <StsProvider gateway={sts}>
          <SupportPanel session={session} />
        </StsProvider>
      </ConfigProvider>
    </QueryClientProvider>,
  );
  return sts;
}

describe('SupportPanel', () => {
  it('refuses a role id before asking AWS, then names the account of a key', async () => {
    const sts = renderPanel();
    const key = screen.getByLabelText('Access key id', { exact: true });
    await userEvent.type(key, 'AROAEXAMPLEEXAMPLE12');
    await userEvent.click(screen.getByRole('button', { name: 'Look up key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('which is not an access key id');
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(sts.getAccessKeyInfo).not.toHaveBeenCalled();

    await userEvent.clear(key);
    await userEvent.type(key, 'AKIAIOSFODNN7EXAMPLE');
    await userEvent.click(screen.getByRole('button', { name: 'Look up key' }));
    expect(await screen.findByText(/belongs to account/, { selector: 'p' })).toHaveTextContent(
      'AKIAIOSFODNN7EXAMPLE belongs to account 111111111111 (Sandbox).',
    );
    expect(sts.getAccessKeyInfo).toHaveBeenCalledWith(session.credentials, 'AKIAIOSFODNN7EXAMPLE');
  });

  it('sends only the encoded part of a pasted error, and shows the verdict', async () => {
    const sts = renderPanel();
    await userEvent.type(
      screen.getByLabelText(/Encoded authorization failure message/),
      'You are not authorized. Encoded authorization failure message: abc-DEF_1',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Decode message' }));
    expect(await screen.findByText(/Denied because no policy allows it/)).toBeVisible();
    expect(sts.decodeAuthorizationMessage).toHaveBeenCalledWith(session.credentials, 'abc-DEF_1');
  });
});
