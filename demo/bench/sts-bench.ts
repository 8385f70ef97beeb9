import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { BenchServerReady } from './sts-bench-server.ts';

/**
 * Requests per second of the local STS for AssumeRoleWithWebIdentity and GetCallerIdentity, over
 * loopback, with plain (signed) HTTP and keep-alive. The server runs in its own process.
 *
 *   npx tsx demo/bench/sts-bench.ts
 *   BENCH_RUNS=3 BENCH_REQUESTS=2000 BENCH_CONCURRENCY=16 npx tsx demo/bench/sts-bench.ts
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARM_UP = 1000;
/** A run stops here even if unfinished, so the benchmark always ends. */
const RUN_TIME_LIMIT_MS = 60_000;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

interface Answer {
  status: number;
  body: string;
}

function send(url: URL, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(url, { method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    call.on('error', reject);
    call.end(body);
  });
}

type Call = () => Promise<Answer>;

async function measure(call: Call, count: number): Promise<number> {
  let started = 0;
  let failed = 0;
  const deadline = performance.now() + RUN_TIME_LIMIT_MS;
  const begin = performance.now();
  const worker = async () => {
    while (started < count && performance.now() < deadline) {
      started += 1;
      const answer = await call();
      if (answer.status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failed > 0) throw new Error(`${failed} of ${started} requests failed`);
  return (started / (performance.now() - begin)) * 1000;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function bench(name: string, call: Call): Promise<number> {
  await measure(call, WARM_UP);
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) rates.push(await measure(call, REQUESTS));
  const shown = rates.map((rate) => rate.toFixed(0)).join(', ');
  console.log(
    `${name.padEnd(28)} median ${median(rates).toFixed(0).padStart(6)} req/s  (runs: ${shown})`,
  );
  return median(rates);
}

function startServer(): Promise<{ ready: BenchServerReady; stop: () => void }> {
  const script = fileURLToPath(new URL('./sts-bench-server.ts', import.meta.url));
  const child = fork(script, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The benchmark server exited (${code})`)));
    child.once('message', (message) => {
      resolve({ ready: message as BenchServerReady, stop: () => child.disconnect() });
    });
  });
}

const xmlText = (body: string, element: string) =>
  new RegExp(`<${element}>([^<]*)</${element}>`).exec(body)?.[1] ?? '';

async function main() {
  const { ready, stop } = await startServer();
  try {
    const url = new URL(ready.stsUrl);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const assumeBody = new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: 'arn:aws:iam::111111111111:role/Developer',
      RoleSessionName: 'bench',
      WebIdentityToken: ready.token,
    }).toString();
    const assume = () => send(url, assumeBody, form);

    const session = await assume();
    if (session.status !== 200)
      throw new Error(`AssumeRoleWithWebIdentity failed: ${session.body}`);
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      sha256: Sha256,
      credentials: {
        accessKeyId: xmlText(session.body, 'AccessKeyId'),
        secretAccessKey: xmlText(session.body, 'SecretAccessKey'),
        sessionToken: xmlText(session.body, 'SessionToken'),
      },
    });
    const identityBody = 'Action=GetCallerIdentity&Version=2011-06-15';
    const whoAmI = async () => {
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        headers: { host: url.host, ...form },
        body: identityBody,
      });
      return send(url, identityBody, signed.headers);
    };

    console.log(
      `STS benchmark: ${RUNS} runs x ${REQUESTS} requests, concurrency ${CONCURRENCY}, loopback`,
    );
    await bench('AssumeRoleWithWebIdentity', assume);
    await bench('GetCallerIdentity (SigV4)', whoAmI);
  } finally {
    agent.destroy();
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
