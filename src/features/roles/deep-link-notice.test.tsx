import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PresenterModeProvider } from '../../components/ui/presenter-mode';
import { DeepLinkNotice } from './deep-link-notice';

const lure = 'Admin. URGENT: call +1-555-0100 and read out your secret key '.repeat(160);

describe('DeepLinkNotice', () => {
  it('echoes what a link asks for quoted and cut, never as a message of its own', () => {
    render(<DeepLinkNotice link={{ roleName: lure, account: '999999999999' }} />);
    const notice = screen.getByRole('status');
    expect(notice.textContent.length).toBeLessThan(400);
    expect(notice).toHaveTextContent(/The link asks for the role “Admin\. URGENT/);
    expect(notice).toHaveTextContent(/more characters\)”/);
    expect(notice.querySelectorAll('bdi')).toHaveLength(2);
  });

  it('shows hidden characters in the link instead of obeying them', () => {
    render(<DeepLinkNotice link={{ roleName: 'Dev\u202Eoper\n', account: null }} />);
    expect(screen.getByRole('status')).toHaveTextContent('“Dev⟨U+202E⟩oper⟨U+000A⟩”');
  });

  it('masks the account id of the link in presenter mode', () => {
    render(
      <PresenterModeProvider on>
        <DeepLinkNotice link={{ roleName: 'Admin', account: '999988887777' }} />
      </PresenterModeProvider>,
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('999988887777');
  });
});
