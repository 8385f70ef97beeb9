import { Notice } from '../../components/ui/notice';
import { Untrusted } from '../../components/ui/untrusted';
import { ExplainedError } from '../../utils/explained-error';

/** A failed support call, told from the STS error catalogue, with AWS's words beside it. */
export function CallFailure({ error }: { error: unknown }) {
  const explained = error instanceof ExplainedError ? error : undefined;
  return (
    <Notice tone="error" title={explained?.title ?? 'The call to AWS failed'}>
      <p>
        {explained?.hint ??
          'Try again; if it keeps failing, copy the support summary for your administrator.'}
      </p>
      {explained?.said ? (
        <p className="mt-1">
          AWS said: <Untrusted value={explained.said} max={600} />
        </p>
      ) : null}
    </Notice>
  );
}
