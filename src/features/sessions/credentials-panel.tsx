import { SecretField } from '../../components/ui/secret-field';
import { usePresenterMode } from '../../components/ui/presenter-mode';
import { useHasPassed } from '../../hooks/use-now';
import type { TemporaryCredentials } from '../../lib/aws/types';

export function CredentialsPanel({
  credentials,
  localExpiresAt,
}: {
  credentials: TemporaryCredentials;
  localExpiresAt: number;
}) {
  // Turning presenter mode on or off starts every field masked again (remount by key).
  const presenter = usePresenterMode();
  const expired = useHasPassed(localExpiresAt);
  const refusal = expired
    ? 'These credentials have expired: assume the role again for fresh ones.'
    : undefined;
  return (
    <section
      aria-labelledby="credentials-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="credentials-heading" className="text-sm font-semibold text-slate-800">
        Credentials
      </h3>
      {expired ? (
        <p className="text-sm font-semibold text-red-800">
          Expired: these credentials no longer work, and copying them is disabled.
        </p>
      ) : null}
      <SecretField
        key={`${presenter}-access`}
        label="Access key ID"
        value={credentials.accessKeyId}
        copyDisabledReason={refusal}
      />
      <SecretField
        key={`${presenter}-secret`}
        label="Secret access key"
        value={credentials.secretAccessKey}
        copyDisabledReason={refusal}
      />
      <SecretField
        key={`${presenter}-token`}
        label="Session token"
        value={credentials.sessionToken}
        copyDisabledReason={refusal}
      />
    </section>
  );
}
