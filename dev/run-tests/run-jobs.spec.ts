import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobs, summary, type Job } from './run-jobs';

interface Step {
  code?: number;
  waitFor?: string;
  creates?: string;
}

/**
 * A job that prints when it starts, waits until `waitFor` exists (if given: it can only end if the
 * job creating that file runs at the same time), creates `creates`, prints when it ends and exits `code`.
 */
const job = (name: string, { code = 0, waitFor = '', creates = '', ...extra }: Partial<Job> & Step = {}): Job => ({
  name,
  command: process.execPath,
  args: [
    '-e',
    `const fs = require('node:fs');
     console.log('start', Date.now());
     if (${JSON.stringify(creates)}) fs.writeFileSync(${JSON.stringify(creates)}, '');
     const timer = setInterval(() => {
       if (${JSON.stringify(waitFor)} && !fs.existsSync(${JSON.stringify(waitFor)})) return;
       clearInterval(timer);
       console.log('end', Date.now());
       process.exit(${code});
     }, 20);`,
  ],
  ...extra,
});

const times = (output: string) => {
  const [start, end] = [/start (\d+)/, /end (\d+)/].map((pattern) => Number(pattern.exec(output)?.[1]));
  return { start, end };
};

describe('npm test: running suites in parallel', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'run-jobs-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every job, a failing one too, at most `concurrency` at once, and reports each in job order', async () => {
    const done: string[] = [];
    const bStarted = join(dir, 'b');
    const results = await runJobs(
      [job('a', { waitFor: bStarted }), job('b', { code: 3, creates: bStarted }), job('c')],
      { concurrency: 2, cwd: process.cwd(), onDone: (r) => done.push(r.name) },
    );
    // a could end only because b ran at the same time.
    expect(results.map((r) => [r.name, r.passed, r.exit])).toEqual([
      ['a', true, 0],
      ['b', false, 3],
      ['c', true, 0],
    ]);
    // c waited for a free slot.
    const [a, b, c] = results.map((r) => times(r.output));
    expect(c.start).toBeGreaterThanOrEqual(Math.min(a.end, b.end));
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  }, 20_000);

  it('starts a job with `after` only once that job has ended, and others meanwhile', async () => {
    const xStarted = join(dir, 'x');
    const results = await runJobs(
      [job('build', { waitFor: xStarted }), job('uses the build', { after: 'build' }), job('x', { creates: xStarted })],
      { concurrency: 3, cwd: process.cwd() },
    );
    expect(results.every((r) => r.passed)).toBeTrue();
    const [build, user] = results.map((r) => times(r.output));
    expect(user.start).toBeGreaterThanOrEqual(build.end);
  }, 20_000);

  it('a command that cannot start is a failure that says so', async () => {
    const [result] = await runJobs([{ name: 'missing', command: '/nonexistent/tool', args: [] }], {
      concurrency: 1,
      cwd: process.cwd(),
    });
    expect(result.passed).toBeFalse();
    expect(result.output).toContain('/nonexistent/tool could not start');
  });

  it("prints each suite's result and wall time, and the verdict", () => {
    const text = summary(
      [
        { name: 'lint', passed: true, exit: 0, seconds: 12.34, output: '' },
        { name: 'e2e quickstart (Firefox)', passed: false, exit: 1, seconds: 101.2, output: '' },
      ],
      130.06,
    );
    expect(text.split('\n')).toEqual([
      '  ok   lint                        12.3 s',
      '  FAIL e2e quickstart (Firefox)   101.2 s  (exit 1)',
      '  1 of 2 failed in 130.1 s (wall clock)',
    ]);
  });
});
