import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_LISTED, RoleSwitcher } from './role-switcher';
import { manyAccounts } from './test-roles';

beforeAll(() => {
  // jsdom has no modal dialogs and does not scroll.
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.open = true;
    },
    close(this: HTMLDialogElement) {
      this.open = false;
    },
  });
  Object.assign(Element.prototype, { scrollIntoView: () => undefined });
});

describe('RoleSwitcher', () => {
  it('renders nothing of thousands of roles while closed', () => {
    const { container } = render(
      <RoleSwitcher
        accounts={manyAccounts(500, 10)}
        open={false}
        onClose={vi.fn()}
        onSelect={vi.fn()}
      />,
    );
    expect(container.querySelectorAll('[role="option"]')).toHaveLength(0);
  });

  it('counts every match but lists the first ones, until typing narrows them down', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <RoleSwitcher accounts={manyAccounts(500, 10)} open onClose={vi.fn()} onSelect={onSelect} />,
    );
    const dialog = container.querySelector('dialog')!;
    expect(dialog).toHaveAccessibleName('Switch role');
    // Counted by element: computing a hundred accessible names is slow in jsdom.
    expect(dialog.querySelectorAll('[role="option"]')).toHaveLength(MAX_LISTED);
    expect(dialog).toHaveTextContent(
      `5,000 roles match; the first ${MAX_LISTED} are listed: type more to narrow them down.`,
    );

    const search = dialog.querySelector('input')!;
    expect(search).toHaveAccessibleName('Find a role');
    await userEvent.type(search, 'role-4321');

    expect(dialog.querySelectorAll('[role="option"]')).toHaveLength(1);
    expect(dialog).toHaveTextContent('1 role. Arrow keys to move');
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ name: 'Role-4321' }));
  }, 20_000);
});
