// `npm run bench` (API part): throughput of the protected route over the public one, the API in a
// child process and autocannon here, public and private measured alternately in one run so that
// machine noise hits both alike. Prints the ratio and how often the API fetched the JWKS.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchServerMessage } from './bench-server';

const ROUNDS = 5;
const SECONDS = 2;
const CONNECTIONS = 10;

export interface ApiBenchResult {
  publicRps: number;
  privateRps: number;
  ratio: number;
  jwksFetches: number;
}

interface Variant extends ApiBenchResult {
  /** private route cycling through more tokens than the API remembers: a full verification each time. */
  distinctTokensRatio?: number;
}

export async function runApiBench(options: { baseline?: boolean } = {}): Promise<ApiBenchResult> {
  console.log(
    `API throughput: autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route, routes alternating; API in a child process.`,
  );
  const ours = await measure('ours', true);
  console.log(
    `  this sample:  public ${rps(ours.publicRps)}  private ${rps(ours.privateRps)}  ratio ${ours.ratio.toFixed(2)}` +
      `  (a new token on every request: ${ours.distinctTokensRatio!.toFixed(2)})  JWKS fetches: ${ours.jwksFetches}`,
  );
  if (options.baseline ?? true) {
    const usual = await measure('usual', false);
    console.log(
      `  express-jwt + jwks-rsa as usually configured:  public ${rps(usual.publicRps)}  private ${rps(usual.privateRps)}  ratio ${usual.ratio.toFixed(2)}`,
    );
  }
  const { publicRps, privateRps, ratio, jwksFetches } = ours;
  return { publicRps, privateRps, ratio, jwksFetches };
}

async function measure(variant: 'ours' | 'usual', distinctTokens: boolean): Promise<Variant> {
  const child = fork(join(__dirname, 'bench-server.ts'), [variant], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const ready = await nextMessage(child, 'ready');
    const { url, token, tokens } = ready as Extract<BenchServerMessage, { type: 'ready' }>;
    const bearer = { authorization: `Bearer ${token}` };
    await load(`${url}/api/public`, {}, 1); // warm up both paths before measuring
    await load(`${url}/api/private`, bearer, 1);

    const publicRuns: number[] = [];
    const privateRuns: number[] = [];
    const distinctRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      publicRuns.push(await load(`${url}/api/public`, {}, SECONDS));
      privateRuns.push(await load(`${url}/api/private`, bearer, SECONDS));
      if (distinctTokens) distinctRuns.push(await load(`${url}/api/private`, bearer, SECONDS, tokens));
    }
    child.send('fetches?');
    const { count } = (await nextMessage(child, 'fetches')) as Extract<BenchServerMessage, { type: 'fetches' }>;
    // Ratios of neighbouring runs, then their median: a load spike from elsewhere on the machine
    // skews one round, not the result.
    return {
      publicRps: median(publicRuns),
      privateRps: median(privateRuns),
      ratio: median(privateRuns.map((value, round) => value / publicRuns[round])),
      jwksFetches: count,
      distinctTokensRatio: distinctTokens ? median(distinctRuns.map((value, round) => value / publicRuns[round])) : undefined,
    };
  } finally {
    child.kill();
  }
}

/** Requests per second; fails the bench if any answer was not a 2xx (a broken token, say). */
async function load(url: string, headers: Record<string, string>, seconds: number, tokens?: string[]): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: tokens && [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors during the benchmark.`);
  }
  return result.requests.average;
}

function nextMessage(child: ChildProcess, type: BenchServerMessage['type']): Promise<BenchServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: BenchServerMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`The benchmark's API process exited (${code}) before answering.`)));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rps = (value: number) => `${Math.round(value).toLocaleString('en')} req/s`;

if (require.main === module) {
  runApiBench().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
