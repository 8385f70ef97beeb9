import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient, measureRate, median, spread, type Call, type Spread } from './load.ts';
import type { BenchServerReady } from './sts-bench-server.ts';

/**
 * The demo STS against a floor: requests per second of AssumeRoleWithWebIdentity and
 * GetCallerIdentity, and of a trivial Node server answering fixed XML (floor-server.ts), in the
 * same run on the same machine, over loopback with keep-alive. Runs alternate floor / STS so that
 * a busy machine slows both alike; each figure is the median of the runs with their spread.
 *
 *   npm run bench
 *   BENCH_RUNS=5 BENCH_REQUESTS=2000 BENCH_CONCURRENCY=16 npm run bench
 *   BENCH_CPU_PROF=/tmp/prof npm run bench   # the server process writes a .cpuprofile there
 *
 * `benchSts()` returns the figures for a larger benchmark table.
 */
export interface StsBenchOptions {
  runs?: number;
  requests?: number;
  concurrency?: number;
}

export interface ServerFigure extends Spread {
  /** Median CPU time of the server process per request, in microseconds. */
  serverCpuMicroseconds: number;
}

export interface ComparedFigure extends ServerFigure {
  /** Median of the run-by-run ratios to the floor run beside it. */
  ratioToFloor: number;
  /** The run-by-run ratios. */
  ratios: number[];
}

export interface StsBenchFigures {
  unit: 'requests/s';
  runs: number;
  requests: number;
  concurrency: number;
  floor: ServerFigure;
  assumeRoleWithWebIdentity: ComparedFigure;
  getCallerIdentity: ComparedFigure;
  /** Issue 14: AssumeRoleWithWebIdentity at half the floor or better. */
  goal: { assumeRoleWithWebIdentityRatio: number };
}

const WARM_UP = 1000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface BenchServer {
  ready: BenchServerReady;
  /** CPU time the server process has used so far, in microseconds. */
  cpu(): Promise<number>;
  stop(): void;
}

function startServer(): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./sts-bench-server.ts', import.meta.url));
  const profile = process.env.BENCH_CPU_PROF;
  const execArgv = [
    '--import',
    'tsx',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
  ];
  const child = fork(script, { execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The benchmark server exited (${code})`)));
    child.once('message', (message) => {
      const cpu = () =>
        new Promise<number>((answer) => {
          child.once('message', (reply) =>
            answer((reply as { cpuMicroseconds: number }).cpuMicroseconds),
          );
          child.send('cpu');
        });
      resolve({ ready: message as BenchServerReady, cpu, stop: () => child.disconnect() });
    });
  });
}

const xmlText = (body: string, element: string) =>
  new RegExp(`<${element}>([^<]*)</${element}>`).exec(body)?.[1] ?? '';

/**
 * GetCallerIdentity signed once: a signature stays valid for 15 minutes and the STS keeps no
 * record of them, so the client spends no time signing and the server still checks each one.
 */
async function signedIdentityCall(url: URL, sessionXml: string) {
  const signer = new SignatureV4({
    service: 'sts',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: {
      accessKeyId: xmlText(sessionXml, 'AccessKeyId'),
      secretAccessKey: xmlText(sessionXml, 'SecretAccessKey'),
      sessionToken: xmlText(sessionXml, 'SessionToken'),
    },
  });
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, ...FORM },
    body,
  });
  return { body, headers: signed.headers };
}

export async function benchSts(options: StsBenchOptions = {}): Promise<StsBenchFigures> {
  const runs = options.runs ?? 5;
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const server = await startServer();
  const { ready } = server;
  const client = createClient(concurrency);
  try {
    const sts = new URL(ready.stsUrl);
    const assumeBody = new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: 'arn:aws:iam::111111111111:role/Developer',
      RoleSessionName: 'bench',
      WebIdentityToken: ready.token,
    }).toString();
    const assume: Call = () => client.post(sts, assumeBody, FORM);
    const session = await assume();
    if (session.status !== 200)
      throw new Error(`AssumeRoleWithWebIdentity failed: ${session.body}`);
    const identity = await signedIdentityCall(sts, session.body);
    const whoAmI: Call = () => client.post(sts, identity.body, identity.headers);
    const floorUrl = new URL(ready.floorUrl);
    const floor: Call = () => client.post(floorUrl, assumeBody, FORM);

    const targets = { floor, assume, whoAmI };
    type Target = keyof typeof targets;
    const rates: Record<Target, number[]> = { floor: [], assume: [], whoAmI: [] };
    const cpu: Record<Target, number[]> = { floor: [], assume: [], whoAmI: [] };
    const ratios = { assume: [] as number[], whoAmI: [] as number[] };
    for (const call of Object.values(targets)) await measureRate(call, WARM_UP, concurrency);
    for (let run = 0; run < runs; run++) {
      for (const [name, call] of Object.entries(targets) as [Target, Call][]) {
        const before = await server.cpu();
        rates[name].push(await measureRate(call, requests, concurrency));
        cpu[name].push(((await server.cpu()) - before) / requests);
      }
      ratios.assume.push((rates.assume[run] ?? 0) / (rates.floor[run] ?? 1));
      ratios.whoAmI.push((rates.whoAmI[run] ?? 0) / (rates.floor[run] ?? 1));
    }
    const figure = (name: Target): ServerFigure => ({
      ...spread(rates[name]),
      serverCpuMicroseconds: median(cpu[name]),
    });
    return {
      unit: 'requests/s',
      runs,
      requests,
      concurrency,
      floor: figure('floor'),
      assumeRoleWithWebIdentity: {
        ...figure('assume'),
        ratioToFloor: median(ratios.assume),
        ratios: ratios.assume,
      },
      getCallerIdentity: {
        ...figure('whoAmI'),
        ratioToFloor: median(ratios.whoAmI),
        ratios: ratios.whoAmI,
      },
      goal: { assumeRoleWithWebIdentityRatio: 0.5 },
    };
  } finally {
    client.close();
    server.stop();
  }
}

function printFigures(figures: StsBenchFigures): void {
  const row = (name: string, figure: ServerFigure, ratio?: number, goal?: string) => {
    const range = `${figure.min.toFixed(0)}–${figure.max.toFixed(0)}`;
    const shown = ratio === undefined ? '' : ratio.toFixed(2);
    const cpu = figure.serverCpuMicroseconds.toFixed(0);
    return `| ${name.padEnd(27)} | ${figure.median.toFixed(0).padStart(6)} | ${range.padStart(11)} | ${shown.padStart(8)} | ${cpu.padStart(10)} | ${goal ?? ''}`;
  };
  const { floor, assumeRoleWithWebIdentity: assume, getCallerIdentity: whoAmI } = figures;
  console.log(
    `STS benchmark: ${figures.runs} runs × ${figures.requests} requests, concurrency ${figures.concurrency}, loopback\n` +
      `| ${'requests/s'.padEnd(27)} | median |  min – max  | of floor | server µs/req | goal\n` +
      `${row('trivial server (floor)', floor)}\n` +
      `${row('AssumeRoleWithWebIdentity', assume, assume.ratioToFloor, `≥ ${figures.goal.assumeRoleWithWebIdentityRatio} of floor`)}\n` +
      `${row('GetCallerIdentity (SigV4)', whoAmI, whoAmI.ratioToFloor)}`,
  );
}

const numberSetting = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSts({
    runs: numberSetting('BENCH_RUNS'),
    requests: numberSetting('BENCH_REQUESTS'),
    concurrency: numberSetting('BENCH_CONCURRENCY'),
  })
    .then(printFigures)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
