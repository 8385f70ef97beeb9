import { memo } from 'react';
import type { RoleOption } from '../../types/role';
import { RoleButton } from './role-list';

/** Favourite roles first, then the recently used ones, for one-click switching. */
export const QuickAccess = memo(function QuickAccess({
  favourites,
  recents,
  selectedArn,
  onSelect,
}: {
  favourites: RoleOption[];
  recents: RoleOption[];
  selectedArn?: string;
  onSelect: (role: RoleOption) => void;
}) {
  const recentOnly = recents.filter((role) => !favourites.includes(role));
  if (favourites.length === 0 && recentOnly.length === 0) return null;
  const section = (title: string, roles: RoleOption[]) =>
    roles.length === 0 ? null : (
      <section aria-label={title}>
        <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
        <ul className="mt-1 grid gap-1">
          {roles.map((role) => (
            <li key={role.arn} className="flex">
              <RoleButton role={role} selected={role.arn === selectedArn} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <nav aria-label="Quick access" className="grid gap-3">
      {section('Favourites', favourites)}
      {section('Recently used', recentOnly)}
    </nav>
  );
});
