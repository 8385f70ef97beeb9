import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '../components/ui/button';
import { Notice } from '../components/ui/notice';
import { useConfig } from '../config/config-context';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import { rolesForPerson } from '../features/roles/role-catalog';
import { RoleList } from '../features/roles/role-list';
import { SessionPanel } from '../features/sessions/session-panel';

export function SignedInView({
  person,
  onSignOut,
}: {
  person: SignedInPerson;
  onSignOut: () => Promise<void>;
}) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const accounts = useMemo(() => rolesForPerson(config, person.claims), [config, person.claims]);
  const [selectedArn, setSelectedArn] = useState<string>();
  const selected = accounts
    .flatMap((account) => account.roles)
    .find((role) => role.arn === selectedArn);

  const signOut = async () => {
    queryClient.clear();
    await onSignOut();
  };

  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <h1 className="text-xl font-semibold text-slate-900">Rolecall</h1>
        <div className="flex items-center gap-3 text-sm">
          <p>
            Signed in as <span className="font-semibold">{person.name}</span>
            {person.email && person.email !== person.name ? (
              <span className="text-slate-600"> ({person.email})</span>
            ) : null}
          </p>
          <Button onClick={() => void signOut()}>Sign out</Button>
        </div>
      </header>
      <main className="grid gap-6 p-6 md:grid-cols-[18rem_1fr]">
        <div className="grid content-start gap-3">
          <h2 className="text-lg font-semibold text-slate-900">Your roles</h2>
          {accounts.length === 0 ? (
            <Notice tone="info" title="You have no AWS roles yet">
              Your sign-in worked, but no role in Rolecall is granted to your groups. Ask your AWS
              administrator to add you to a group that grants a role, then sign in again.
            </Notice>
          ) : (
            <RoleList
              accounts={accounts}
              selectedArn={selectedArn}
              onSelect={(role) => setSelectedArn(role.arn)}
            />
          )}
        </div>
        <section aria-label="Session" className="min-w-0">
          {selected ? (
            <SessionPanel key={selected.arn} role={selected} person={person} />
          ) : accounts.length > 0 ? (
            <p className="text-slate-700">Choose a role to get temporary credentials for it.</p>
          ) : null}
        </section>
      </main>
    </div>
  );
}
