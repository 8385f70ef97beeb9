import type { RunningSts } from '../sts/server.ts';
import { startConsoleBroker } from './broker-server.ts';
import { startDemoConsole } from './server.ts';

/**
 * The console part of the demo stack: the demo federation endpoint and console page, and the
 * console broker pointed at it, accepting Rolecall's origin only.
 */
export interface ConsoleStackOptions {
  consolePort: number;
  brokerPort: number;
  sts: RunningSts;
  appOrigin: string;
  /** Host names both answer to besides the loopback ones (DEMO_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
}

export interface RunningConsoleStack {
  consoleUrl: string;
  /** What Rolecall POSTs to. */
  brokerUrl: string;
  close(): Promise<void>;
}

export async function startConsoleStack(
  options: ConsoleStackOptions,
): Promise<RunningConsoleStack> {
  const demoConsole = await startDemoConsole({
    port: options.consolePort,
    stsUrl: options.sts.url,
    credentialExpiry: options.sts.credentialExpiry,
    allowedHosts: options.allowedHosts,
  });
  try {
    const broker = await startConsoleBroker({
      port: options.brokerPort,
      allowedOrigins: [options.appOrigin],
      federationUrl: demoConsole.federationUrl,
      allowedHosts: options.allowedHosts,
    });
    return {
      consoleUrl: demoConsole.url,
      brokerUrl: broker.url,
      close: async () => {
        await broker.close();
        await demoConsole.close();
      },
    };
  } catch (error) {
    await demoConsole.close();
    throw error;
  }
}
