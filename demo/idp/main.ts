// Runs the demo identity provider alone: `npx tsx demo/idp/main.ts`.
import { PortInUseError } from './listen-loopback.ts';
import { startIdp } from './server.ts';

function wholeNumber(name: string, min: number): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${value}".`);
  }
  return number;
}

async function main(): Promise<void> {
  const idp = await startIdp({
    port: wholeNumber('IDP_PORT', 0) ?? 5180,
    issuer: process.env.IDP_ISSUER || undefined,
    appOrigins: (process.env.APP_ORIGIN || 'http://localhost:5173').split(',').map((o) => o.trim()),
    idTokenTtlSeconds: wholeNumber('IDP_ID_TOKEN_TTL', 1),
  });
  process.stdout.write(`Demo IdP ready: ${idp.url}/.well-known/openid-configuration\n`);

  const stop = (): void => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof PortInUseError ? ' Set IDP_PORT to use another port.' : '';
  console.error(`Demo IdP failed to start: ${message}${hint}`);
  process.exit(1);
});
