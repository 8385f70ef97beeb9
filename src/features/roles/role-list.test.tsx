import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RoleList, ROLES_PER_BATCH } from './role-list';
import { manyAccounts } from './test-roles';

describe('RoleList', () => {
  it('lists the first accounts of thousands of roles at once, and more on request', async () => {
    const accounts = manyAccounts(500, 10);
    render(
      <RoleList
        accounts={accounts}
        favourites={[]}
        onSelect={vi.fn()}
        onToggleFavourite={vi.fn()}
      />,
    );
    const list = screen.getByRole('navigation', { name: 'Roles' });
    // Counted by element: computing thousands of accessible names is slow in jsdom.
    const rows = () => list.querySelectorAll('li');
    expect(rows()).toHaveLength(ROLES_PER_BATCH);
    expect(list.querySelectorAll('h3')[0]).toHaveTextContent('100000000000');

    await userEvent.click(screen.getByText(/^Show more roles/));

    expect(rows()).toHaveLength(2 * ROLES_PER_BATCH);
    expect(screen.getByText(/^Show more roles/)).toHaveTextContent(
      '4,700 not listed yet; Ctrl+K searches them all',
    );
  }, 20_000);

  it('lists a few roles completely, with no "show more"', () => {
    render(
      <RoleList
        accounts={manyAccounts(3, 2)}
        favourites={[]}
        onSelect={vi.fn()}
        onToggleFavourite={vi.fn()}
      />,
    );
    expect(screen.getAllByRole('button', { name: /^Role-\d+ in / })).toHaveLength(6);
    expect(screen.queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
  });

  it('marks the open role and the favourites', () => {
    const accounts = manyAccounts(2, 2);
    render(
      <RoleList
        accounts={accounts}
        selectedArn={accounts[1].roles[0].arn}
        favourites={[accounts[0].roles[1].arn]}
        onSelect={vi.fn()}
        onToggleFavourite={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Role-2 in 100000000001' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(
      screen.getByRole('button', { name: 'Favourite Role-1 in 100000000000' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });
});
