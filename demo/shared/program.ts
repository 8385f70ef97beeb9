import { PortInUseError } from './listen-loopback.ts';

/**
 * What every demo program does around its servers: stop cleanly on Ctrl-C or SIGTERM, and when it
 * cannot start, print one line that says what is wrong and what to do, then exit 1.
 */
export function stopOnSignals(close: () => Promise<unknown>): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * `ports` names the environment variable behind each port, so that a port in use is answered
 * with the variable that moves it.
 */
export function exitOnStartFailure(program: string, ports: Readonly<Record<string, number>>) {
  return (error: unknown): never => {
    let message = errorMessage(error);
    if (error instanceof PortInUseError) {
      const variable = Object.keys(ports).find((name) => ports[name] === error.port);
      message += variable
        ? ` Stop the program using it, or set ${variable} to another port.`
        : ' Stop the program using it, or pick another port.';
    }
    console.error(`${program} failed to start: ${message}`);
    process.exit(1);
  };
}
