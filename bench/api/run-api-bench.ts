// `npm run bench` (API part): throughput of the protected route over the public one. Each API runs
// in a child process with its own JWKS endpoint, autocannon runs here, and the routes are measured
// alternately in one run so that noise from the rest of the machine hits both alike. Also prints
// the CPU time per request, steadier than throughput on a shared machine, and the JWKS fetch count.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchServerMessage } from './bench-server';

const ROUNDS = 5;
const SECONDS = 1;
const CONNECTIONS = 10;

export interface ApiBenchResult {
  publicRps: number;
  privateRps: number;
  /** privateRps / publicRps (median of the per-round ratios). */
  ratio: number;
  jwksFetches: number;
  /** CPU time per public request / per private request: the ratio if CPU were the only limit. */
  cpuRatio: number;
  /** The ratio with a different token on every request (nothing remembered). */
  fullVerificationRatio: number;
  /** express-jwt + jwks-rsa as usually configured, same stack and routes. */
  baselineRatio?: number;
}

type Variant = 'ours' | 'usual';
type Ready = Extract<BenchServerMessage, { type: 'ready' }>;
interface Run {
  rps: number;
  cpuPerRequest: number;
}

export async function runApiBench(options: { baseline?: boolean } = {}): Promise<ApiBenchResult> {
  console.log(
    `API: autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds measuring each route twice for ${SECONDS} s in A-B-B-A order, ` +
      'each API in its own child process.',
  );
  const variants: Variant[] = options.baseline === false ? ['ours'] : ['ours', 'usual'];
  const [ours, usual] = await measure(variants);
  const result: ApiBenchResult = {
    publicRps: ours.public.rps,
    privateRps: ours.private.rps,
    ratio: ours.ratio,
    jwksFetches: ours.jwksFetches,
    cpuRatio: ours.cpuRatio,
    fullVerificationRatio: ours.fullRatio!,
    baselineRatio: usual?.ratio,
  };
  console.log(describe('this sample', ours));
  console.log(
    `    with a different token on every request (nothing remembered): ratio ${ours.fullRatio!.toFixed(2)}, CPU ratio ${ours.fullCpuRatio!.toFixed(2)}`,
  );
  if (usual) console.log(describe('express-jwt + jwks-rsa as usually configured', usual));
  return result;
}

function describe(name: string, m: Measured): string {
  return (
    `  ${name}: public ${rps(m.public.rps)}, private ${rps(m.private.rps)}, ratio ${m.ratio.toFixed(2)}; ` +
    `CPU per request ${Math.round(m.public.cpuPerRequest)} µs / ${Math.round(m.private.cpuPerRequest)} µs, ` +
    `CPU ratio ${m.cpuRatio.toFixed(2)}; JWKS fetches: ${m.jwksFetches}`
  );
}

interface Measured {
  public: Run;
  private: Run;
  ratio: number;
  cpuRatio: number;
  fullRatio?: number;
  fullCpuRatio?: number;
  jwksFetches: number;
}

async function measure(variants: Variant[]): Promise<Measured[]> {
  const children = variants.map((variant) =>
    fork(join(__dirname, 'bench-server.ts'), [variant], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
  );
  try {
    const servers = await Promise.all(
      children.map(async (child, index) => {
        const ready = (await nextMessage(child, 'ready')) as Ready;
        const bearer = { authorization: `Bearer ${ready.token}` };
        return {
          child,
          full: variants[index] === 'ours',
          public: () => load(child, `${ready.url}/api/public`, {}),
          private: () => load(child, `${ready.url}/api/private`, bearer),
          fullVerification: () => load(child, `${ready.url}/api/private`, bearer, ready.tokens),
          runs: { public: [] as Run[], private: [] as Run[], full: [] as Run[] },
        };
      }),
    );
    for (const server of servers) {
      await server.public(); // warm-up, not counted
      await server.private();
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of servers) {
        // A-B-B-A: drift during the round, and a cold first run, weigh on both routes alike.
        const { runs, full } = server;
        const a1 = await server.public();
        const b1 = await server.private();
        const c1 = full ? await server.fullVerification() : undefined;
        const c2 = full ? await server.fullVerification() : undefined;
        const b2 = await server.private();
        const a2 = await server.public();
        runs.public.push(mean(a1, a2));
        runs.private.push(mean(b1, b2));
        if (c1 && c2) runs.full.push(mean(c1, c2));
      }
    }
    return await Promise.all(
      servers.map(async ({ child, runs }) => {
        child.send('fetches?');
        const { count } = (await nextMessage(child, 'fetches')) as Extract<BenchServerMessage, { type: 'fetches' }>;
        // Per-round ratios, then their median: a load spike elsewhere skews one round, not the result.
        const ratio = (of: Run[]) => median(of.map((run, round) => run.rps / runs.public[round].rps));
        const cpuRatio = (of: Run[]) =>
          median(of.map((run, round) => runs.public[round].cpuPerRequest / run.cpuPerRequest));
        return {
          public: {
            rps: median(runs.public.map((run) => run.rps)),
            cpuPerRequest: median(runs.public.map((run) => run.cpuPerRequest)),
          },
          private: {
            rps: median(runs.private.map((run) => run.rps)),
            cpuPerRequest: median(runs.private.map((run) => run.cpuPerRequest)),
          },
          ratio: ratio(runs.private),
          cpuRatio: cpuRatio(runs.private),
          fullRatio: runs.full.length ? ratio(runs.full) : undefined,
          fullCpuRatio: runs.full.length ? cpuRatio(runs.full) : undefined,
          jwksFetches: count,
        };
      }),
    );
  } finally {
    for (const child of children) child.kill();
  }
}

/** One autocannon run; fails the bench if any answer was not a 2xx (a broken token, say). */
async function load(
  child: ChildProcess,
  url: string,
  headers: Record<string, string>,
  tokens?: string[],
): Promise<Run> {
  let next = 0;
  const cpuBefore = await cpuOf(child);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: tokens && [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
      },
    ],
  });
  const cpuAfter = await cpuOf(child);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors during the benchmark.`);
  }
  return { rps: result.requests.average, cpuPerRequest: (cpuAfter - cpuBefore) / Math.max(1, result['2xx']) };
}

async function cpuOf(child: ChildProcess): Promise<number> {
  child.send('cpu?');
  return ((await nextMessage(child, 'cpu')) as Extract<BenchServerMessage, { type: 'cpu' }>).micros;
}

function nextMessage(child: ChildProcess, type: BenchServerMessage['type']): Promise<BenchServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: BenchServerMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`The benchmark's API process exited (${code}) before answering.`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const mean = (a: Run, b: Run): Run => ({
  rps: (a.rps + b.rps) / 2,
  cpuPerRequest: (a.cpuPerRequest + b.cpuPerRequest) / 2,
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rps = (value: number) => `${Math.round(value).toLocaleString('en')} req/s`;

if (require.main === module) {
  runApiBench().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
