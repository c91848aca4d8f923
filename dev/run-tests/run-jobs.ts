// Runs test suites as parallel child processes, at most `concurrency` at a time, in the order given
// (longest first pays off), a suite with `after` only once that one has ended. Each suite's output is
// kept and printed whole when it ends, so the log reads suite by suite, not interleaved.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const BACKGROUND_PRIORITY = 10;

export interface Job {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** The name of a job that must have ended first (passed or not); ignored if it is not in the run. */
  after?: string;
  /**
   * Runs at a lower CPU priority (nice 10), it and what it starts: for suites whose waits are long
   * (the browsers'), so that specs with short timeouts get the CPU first when the machine is busy.
   */
  background?: boolean;
}

export interface JobResult {
  name: string;
  passed: boolean;
  /** Exit code, or the signal that ended it. */
  exit: number | NodeJS.Signals | null;
  seconds: number;
  output: string;
}

function runJob(job: Job, cwd: string): Promise<JobResult> {
  const started = Date.now();
  return new Promise((done) => {
    let output = '';
    const child = spawn(job.command, job.args, { cwd, env: { ...process.env, ...job.env } });
    if (job.background && child.pid) setPriority(child.pid, BACKGROUND_PRIORITY);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const finish = (exit: number | NodeJS.Signals | null, passed: boolean) =>
      done({ name: job.name, passed, exit, seconds: (Date.now() - started) / 1000, output });
    child.once('error', (error) => {
      output += `\n${job.command} could not start: ${error.message}\n`;
      finish(null, false);
    });
    child.once('close', (code, signal) => finish(code ?? signal, code === 0));
  });
}

/** Runs every job (none is skipped when another fails) and resolves with their results, in job order. */
export async function runJobs(
  jobs: Job[],
  { concurrency, cwd, onDone }: { concurrency: number; cwd: string; onDone?: (result: JobResult) => void },
): Promise<JobResult[]> {
  const results: JobResult[] = new Array<JobResult>(jobs.length);
  const names = new Set(jobs.map((job) => job.name));
  const ended = new Set<string>();
  const started = new Set<number>();
  let wake = () => {};
  let somethingEnded = new Promise<void>((resolve) => (wake = resolve));
  const ready = (job: Job) => !job.after || !names.has(job.after) || ended.has(job.after);
  const worker = async (): Promise<void> => {
    while (started.size < jobs.length) {
      const index = jobs.findIndex((job, i) => !started.has(i) && ready(job));
      if (index === -1) {
        await somethingEnded; // every job left waits for one that is running
        continue;
      }
      started.add(index);
      results[index] = await runJob(jobs[index], cwd);
      ended.add(jobs[index].name);
      wake();
      somethingEnded = new Promise<void>((resolve) => (wake = resolve));
      onDone?.(results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return results;
}

/** The table printed at the end: one line per suite, its result and wall time, then the total. */
export function summary(results: JobResult[], totalSeconds: number): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.map(
    (r) =>
      `  ${r.passed ? 'ok  ' : 'FAIL'} ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s${r.passed ? '' : `  (exit ${r.exit})`}`,
  );
  const failed = results.filter((r) => !r.passed).length;
  const verdict = failed === 0 ? 'all passed' : `${failed} of ${results.length} failed`;
  return [...lines, `  ${verdict} in ${totalSeconds.toFixed(1)} s (wall clock)`].join('\n');
}
