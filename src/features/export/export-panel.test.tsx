import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupWithClipboard } from '../../test/clipboard';
import ExportPanel from './export-panel';
import { REALISTIC } from './test-fixtures';

const { secretAccessKey, sessionToken } = REALISTIC.credentials;

function panel() {
  return screen.getByRole('region', { name: 'Export credentials' });
}

function shownBlock() {
  return within(panel()).getByRole('figure');
}

describe('ExportPanel', () => {
  it('carries the expiry, and the region chosen in the panel', async () => {
    const { user } = setupWithClipboard();
    render(
      <ExportPanel {...REALISTIC} regionChoices={['eu-west-1', 'us-east-1']} expired={false} />,
    );
    expect(shownBlock()).toHaveTextContent(
      "export AWS_CREDENTIAL_EXPIRATION='2026-01-01T13:00:00Z'",
    );
    await user.selectOptions(screen.getByLabelText('Region'), 'us-east-1');
    expect(shownBlock()).toHaveTextContent("export AWS_REGION='us-east-1'");
    expect(shownBlock()).toHaveTextContent("export AWS_DEFAULT_REGION='us-east-1'");
  });

  it('shows the bash block masked: the secrets are not in the page', () => {
    render(<ExportPanel {...REALISTIC} expired={false} />);
    expect(shownBlock()).toHaveAccessibleName('bash/zsh export (secrets hidden)');
    // Masked as the credentials panel masks it.
    expect(shownBlock()).toHaveTextContent("export AWS_ACCESS_KEY_ID='••••");
    expect(document.body).not.toHaveTextContent(REALISTIC.credentials.accessKeyId);
    expect(shownBlock()).toHaveTextContent("export AWS_SECRET_ACCESS_KEY='••••");
    expect(document.body).not.toHaveTextContent(secretAccessKey);
    expect(document.body).not.toHaveTextContent(sessionToken);
    expect(
      screen.getByText('Paste into a bash or zsh terminal; the variables last until you close it.'),
    ).toBeVisible();
  });

  it('reveals the secrets with a toggle button and hides them again', async () => {
    const { user } = setupWithClipboard();
    render(<ExportPanel {...REALISTIC} expired={false} />);
    const reveal = screen.getByRole('button', { name: 'Reveal secrets' });

    await user.click(reveal);
    expect(reveal).toHaveAccessibleName('Hide secrets');
    expect(shownBlock()).toHaveTextContent(secretAccessKey);
    expect(shownBlock()).toHaveTextContent(sessionToken);

    await user.click(reveal);
    expect(document.body).not.toHaveTextContent(secretAccessKey);
  });

  it('copies the real text while masked and says so', async () => {
    const { user, writeText } = setupWithClipboard();
    render(<ExportPanel {...REALISTIC} expired={false} />);
    await user.click(screen.getByRole('button', { name: 'Copy bash/zsh export' }));
    const copied = writeText.mock.calls.at(-1)?.[0];
    expect(copied).toContain(`export AWS_SECRET_ACCESS_KEY='${secretAccessKey}'`);
    expect(copied).toContain(`export AWS_SESSION_TOKEN='${sessionToken}'`);
    expect(await screen.findByText('Copied bash/zsh export')).toBeVisible();
    expect(document.body).not.toHaveTextContent(secretAccessKey);
  });

  it('switches format with the radio group, keyboard included, and copies that format', async () => {
    const { user, writeText } = setupWithClipboard();
    render(<ExportPanel {...REALISTIC} expired={false} />);
    const group = screen.getByRole('group', { name: 'Format' });
    within(group).getByRole('radio', { name: 'bash/zsh' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: 'fish' })).toBeChecked();
    expect(shownBlock()).toHaveTextContent("set -gx AWS_SECRET_ACCESS_KEY '••••");

    await user.click(within(group).getByRole('radio', { name: 'PowerShell' }));
    await user.click(screen.getByRole('button', { name: 'Copy PowerShell export' }));
    expect(writeText.mock.calls.at(-1)?.[0]).toContain(
      `$Env:AWS_SECRET_ACCESS_KEY = '${secretAccessKey}'`,
    );
  });

  it('refuses to copy expired credentials and explains why', () => {
    render(<ExportPanel {...REALISTIC} expired />);
    const copy = screen.getByRole('button', { name: 'Copy bash/zsh export' });
    expect(copy).toBeDisabled();
    expect(copy).toHaveAccessibleDescription(
      'These credentials have expired and cannot be copied. Assume the role again for fresh ones.',
    );
    expect(screen.getByText(/have expired and cannot be copied/)).toBeVisible();
  });

  it('keeps secrets hidden in presenter mode and says why', async () => {
    const { user, writeText } = setupWithClipboard();
    render(<ExportPanel {...REALISTIC} expired={false} presenter />);
    const reveal = screen.getByRole('button', { name: 'Reveal secrets' });
    expect(reveal).toBeDisabled();
    expect(reveal).toHaveAccessibleDescription(
      'Presenter mode is on, so secrets cannot be revealed.',
    );
    await user.click(reveal);
    expect(document.body).not.toHaveTextContent(secretAccessKey);
    // The key id maps to the account (STS GetAccessKeyInfo): masked on a shared screen too.
    expect(document.body).not.toHaveTextContent(REALISTIC.credentials.accessKeyId);
    expect(shownBlock()).toHaveTextContent("AWS_ACCESS_KEY_ID='••••");
    await user.click(screen.getByRole('button', { name: 'Copy bash/zsh export' }));
    const copied = writeText.mock.calls.at(-1)?.[0] as string;
    expect(copied).toContain(`AWS_SECRET_ACCESS_KEY='${secretAccessKey}'`);
    expect(copied).toContain(`AWS_ACCESS_KEY_ID='${REALISTIC.credentials.accessKeyId}'`);
  });

  it('hides revealed secrets when presenter mode turns on, and after it ends', async () => {
    const { user } = setupWithClipboard();
    const { rerender } = render(<ExportPanel {...REALISTIC} expired={false} />);
    await user.click(screen.getByRole('button', { name: 'Reveal secrets' }));
    expect(shownBlock()).toHaveTextContent(secretAccessKey);
    rerender(<ExportPanel {...REALISTIC} expired={false} presenter />);
    expect(document.body).not.toHaveTextContent(secretAccessKey);
    rerender(<ExportPanel {...REALISTIC} expired={false} />);
    expect(document.body).not.toHaveTextContent(secretAccessKey);
    expect(screen.getByRole('button', { name: 'Reveal secrets' })).toBeEnabled();
  });

  it('names the credentials-file profile from the editable Profile name', async () => {
    const { user, writeText } = setupWithClipboard();
    render(<ExportPanel {...REALISTIC} expired={false} />);
    expect(screen.queryByRole('textbox', { name: 'Profile name' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Credentials file' }));

    const name = screen.getByRole('textbox', { name: 'Profile name' });
    expect(name).toHaveValue('sandbox-developer');
    expect(shownBlock()).toHaveTextContent('[sandbox-developer]');

    await user.clear(name);
    await user.type(name, 'ci deploy');
    expect(shownBlock()).toHaveTextContent('[ci-deploy]');
    expect(name).toHaveAccessibleDescription(
      'Letters, digits, dot, underscore and hyphen. Written as [ci-deploy].',
    );
    await user.click(screen.getByRole('button', { name: 'Copy Credentials file export' }));
    const copied = writeText.mock.calls.at(-1)?.[0];
    expect(copied).toMatch(/^\[ci-deploy\]$/m);
    expect(copied).toContain(`aws_secret_access_key = ${secretAccessKey}`);
  });

  it('explains a value the format cannot carry and offers nothing to copy', async () => {
    const { user } = setupWithClipboard();
    const hostile = {
      ...REALISTIC,
      credentials: { ...REALISTIC.credentials, secretAccessKey: 'abc%PATH%' },
    };
    render(<ExportPanel {...hostile} expired={false} />);
    await user.click(screen.getByRole('radio', { name: 'Windows cmd' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The secret access key contains a percent sign (%), which Windows cmd cannot carry safely.',
    );
    expect(screen.getByRole('button', { name: 'Copy Windows cmd export' })).toBeDisabled();
    expect(document.body).not.toHaveTextContent('abc%PATH%');
  });
});
