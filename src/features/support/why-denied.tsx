import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Untrusted } from '../../components/ui/untrusted';
import { useSts } from '../../lib/aws/sts-context';
import type { RoleSession } from '../../types/session';
import { CallFailure } from './call-failure';
import { readDecodedMessage, verdict, type DecodedDenial } from './decoded-message';

const PREFIX = /^.*Encoded authorization failure message:\s*/is;

/** The message itself, whether the whole error or only the encoded part was pasted. */
const encodedPart = (typed: string) => typed.replace(PREFIX, '').replace(/\s+/g, '');

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function DenialCard({ card }: { card: DecodedDenial }) {
  const rows: [string, string | undefined][] = [
    ['Principal', card.principalArn ?? card.principalId],
    ['Action', card.action],
    ['Resource', card.resource],
    ...card.matched.map((m): [string, string] => [
      'Matched statement',
      `${m.effect}${m.id ? ` (${m.id})` : ''}`,
    ]),
    ...card.conditions.map((c): [string, string] => [`Condition ${c.key}`, c.values.join(', ')]),
  ];
  return (
    <div className="grid gap-2 rounded border border-slate-200 p-3 text-sm">
      <p className="font-semibold text-slate-900">{verdict(card)}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([term, value], index) =>
          value === undefined ? null : (
            <div key={`${index}-${term}`} className="contents">
              <dt className="text-slate-600">{term}</dt>
              <dd className="font-mono break-all text-slate-900">
                <Untrusted value={value} max={600} />
              </dd>
            </div>
          ),
        )}
      </dl>
    </div>
  );
}

/** Why was this denied? DecodeAuthorizationMessage, signed with the open session. */
export function WhyDenied({ session }: { session: RoleSession }) {
  const id = useId();
  const sts = useSts();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const decode = useMutation({
    mutationFn: (encoded: string) => sts.decodeAuthorizationMessage(session.credentials, encoded),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const encoded = encodedPart(typed);
    if (encoded === '') {
      setProblem('Paste the encoded authorization failure message from the error first.');
      decode.reset();
      return;
    }
    setProblem(undefined);
    decode.mutate(encoded);
  };

  const decoded = decode.data?.decoded;
  const card = decoded === undefined ? undefined : readDecodedMessage(decoded);
  return (
    <section aria-labelledby={`${id}-h`} className="grid gap-2">
      <h4 id={`${id}-h`} className="text-sm font-semibold text-slate-800">
        Why was this denied?
      </h4>
      <form onSubmit={submit} className="grid gap-2" noValidate>
        <label htmlFor={`${id}-msg`} className="text-sm text-slate-700">
          Encoded authorization failure message (or the whole error)
        </label>
        <textarea
          id={`${id}-msg`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          rows={3}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          className="rounded-md border border-slate-300 px-2 py-1 font-mono text-sm"
        />
        <div>
          <Button type="submit" disabled={decode.isPending}>
            Decode message
          </Button>
        </div>
      </form>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
      <p role="status" className="text-sm text-slate-800">
        {decode.isPending ? 'Asking AWS (DecodeAuthorizationMessage)…' : ''}
      </p>
      {decoded !== undefined ? (
        <div className="grid gap-3 lg:grid-cols-2">
          {card ? (
            <DenialCard card={card} />
          ) : (
            <p className="text-sm text-slate-700">
              AWS decoded the message, but not into the usual shape: read the raw JSON.
            </p>
          )}
          <figure className="grid gap-1">
            <figcaption className="text-xs font-medium text-slate-600">Decoded JSON</figcaption>
            {/* Focusable, so the scrolled JSON can be read with the keyboard. */}
            <pre
              tabIndex={0}
              className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-50"
            >
              <code>
                <Untrusted value={pretty(decoded)} max={20000} />
              </code>
            </pre>
          </figure>
        </div>
      ) : null}
      {decode.error ? <CallFailure error={decode.error} /> : null}
    </section>
  );
}
