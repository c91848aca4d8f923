// `npm test`: every suite in parallel processes (TEST_JOBS at a time, default three per core), each
// suite's output printed whole when it ends, then each suite's wall time; non-zero exit if any failed.
// `npm test -- e2e lint` runs only the suites whose name starts with one of the words given.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chooseBrowsers, type BrowserChoice } from '../testing/browsers';
import { SHARED_BUILD_VARIABLE } from '../testing/shared-build';
import { runJobs, summary, type JobResult } from './run-tests/run-jobs';
import { testJobs } from './run-tests/suites';

const root = resolve(__dirname, '..');
const started = Date.now();

let browsers: BrowserChoice;
try {
  browsers = chooseBrowsers();
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

// Three processes per core keep the machine busy while the e2e suites wait on their browsers.
const concurrency = Number(process.env.TEST_JOBS) || Math.max(2, availableParallelism() * 3);
const wanted = process.argv.slice(2);
const buildFolder = mkdtempSync(join(tmpdir(), 'quickstart-shared-build-'));
process.env[SHARED_BUILD_VARIABLE] = buildFolder; // every suite's environment
const jobs = testJobs(root, browsers.run, buildFolder).filter(
  (job) => wanted.length === 0 || wanted.some((word) => job.name.startsWith(word)),
);
if (jobs.length === 0) {
  rmSync(buildFolder, { recursive: true, force: true });
  console.error(`npm test: no suite starts with ${wanted.join(' or ')}.`);
  process.exit(1);
}

const skippedLines = [...browsers.skipped, ...browsers.excluded].map((line) => `npm test: ${line}`);
skippedLines.forEach((line) => console.log(line));
console.log(`npm test: ${jobs.length} suites, ${concurrency} at a time: ${jobs.map((j) => j.name).join(', ')}\n`);

const printResult = (r: JobResult) => {
  const rule = `── ${r.name}: ${r.passed ? 'passed' : `FAILED (exit ${r.exit})`} in ${r.seconds.toFixed(1)} s `;
  console.log(`${rule.padEnd(100, '─')}\n${r.output.trimEnd()}\n`);
};

void runJobs(jobs, { concurrency, cwd: root, onDone: printResult }).then((results) => {
  rmSync(buildFolder, { recursive: true, force: true });
  console.log(
    `npm test: each suite's wall time (suites run in parallel)\n${summary(results, (Date.now() - started) / 1000)}`,
  );
  skippedLines.forEach((line) => console.log(line));
  process.exitCode = results.every((r) => r.passed) ? 0 : 1;
});
