import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { useConfig } from '../../config/config-context';
import { useSts } from '../../lib/aws/sts-context';
import type { RoleSession } from '../../types/session';
import { checkAccessKeyId, KEY_KIND_WORDS, type KeyKind } from './access-key';
import { CallFailure } from './call-failure';

/** Whose key is this? GetAccessKeyInfo, signed with the open session. */
export function WhoseKey({ session }: { session: RoleSession }) {
  const id = useId();
  const sts = useSts();
  const { accounts } = useConfig();
  const shown = usePresenterText();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const lookup = useMutation({
    mutationFn: async ({ keyId, kind }: { keyId: string; kind: KeyKind }) => {
      const { account } = await sts.getAccessKeyInfo(session.credentials, keyId);
      return { keyId, kind, account, name: accounts.find((a) => a.id === account)?.name };
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAccessKeyId(typed);
    if (!checked.ok) {
      setProblem(checked.problem);
      lookup.reset();
      return;
    }
    setProblem(undefined);
    lookup.mutate({ keyId: checked.keyId, kind: checked.kind });
  };

  const result = lookup.data;
  return (
    <section aria-labelledby={`${id}-h`} className="grid gap-2">
      <h4 id={`${id}-h`} className="text-sm font-semibold text-slate-800">
        Whose key is this?
      </h4>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" noValidate>
        <div className="grid gap-1">
          <label htmlFor={`${id}-key`} className="text-sm text-slate-700">
            Access key id
          </label>
          <input
            id={`${id}-key`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            className="w-72 max-w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-sm"
          />
        </div>
        <Button type="submit" disabled={lookup.isPending}>
          Look up key
        </Button>
      </form>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
      <div role="status" className="text-sm text-slate-800">
        {lookup.isPending ? 'Asking AWS (GetAccessKeyInfo)…' : null}
        {result ? (
          <>
            <p>
              <span className="font-mono">{result.keyId}</span> belongs to account{' '}
              <span className="font-mono">{shown(result.account)}</span>
              {result.name ? ` (${result.name})` : ' (not in Rolecall’s configuration)'}.
            </p>
            <p className="mt-1 text-slate-700">{KEY_KIND_WORDS[result.kind]}</p>
            <p className="mt-1 text-slate-700">
              The answer says nothing about whether the key still works.
            </p>
          </>
        ) : null}
      </div>
      {lookup.error ? <CallFailure error={lookup.error} /> : null}
    </section>
  );
}
