import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { testJobs } from './suites';

const root = resolve(__dirname, '..', '..');
const e2eFiles = readdirSync(resolve(root, 'e2e')).filter((file) => file.endsWith('.e2e.ts'));

describe('npm test: its suites', () => {
  it('runs every e2e file in e2e/, the quickstart once per browser, each with its browsers named', () => {
    const jobs = testJobs(root, ['chromium', 'firefox'], '/tmp/build');
    const e2e = jobs.filter((job) => job.name.startsWith('e2e '));
    for (const file of e2eFiles)
      expect(e2e.some((job) => job.args.includes(`e2e/${file}`)))
        .withContext(file)
        .toBeTrue();
    const quickstart = e2e.filter((job) => job.args.includes('e2e/quickstart.e2e.ts'));
    expect(quickstart.map((job) => job.env?.TEST_BROWSERS).sort()).toEqual(['chromium', 'firefox']);
    expect(e2e.find((job) => job.args.includes('e2e/renewal.e2e.ts'))?.env?.TEST_BROWSERS).toBe('chromium,firefox');
    // The code flow's two files: two stacks (tokens in memory; localStorage with the tenant on another site), in parallel.
    for (const file of ['code-flow-walk.e2e.ts', 'code-flow-cross-site.e2e.ts'])
      expect(e2e.filter((job) => job.args.includes(`e2e/${file}`)).map((job) => job.env?.TEST_BROWSERS))
        .withContext(file)
        .toEqual(['chromium,firefox']);
    expect(jobs.map((job) => job.name)).toEqual(
      jasmine.arrayContaining(['production build', 'server specs', 'lint', 'type check', 'client specs']),
    );
  });

  it('starts the longest e2e suites right after the build, so that none of them starts late', () => {
    const names = testJobs(root, ['chromium', 'firefox'], '/tmp/build').map((job) => job.name);
    expect(names.slice(1, 4)).toEqual(['e2e quickstart (Firefox)', 'e2e quickstart (Chromium)', 'e2e screens']);
  });

  it('the specs that serve a production build wait for the shared one, made into the folder given', () => {
    const jobs = testJobs(root, ['chromium', 'firefox'], '/tmp/build');
    expect(jobs[0].name).toBe('production build');
    expect(jobs[0].args).toContain('/tmp/build');
    const waiting = jobs.filter((job) => job.after === 'production build').map((job) => job.name);
    expect(waiting.sort()).toEqual(['e2e serve-dist', 'server specs']);
  });

  it('with no browser, runs no e2e (an empty TEST_BROWSERS would mean both)', () => {
    const names = testJobs(root, [], '/tmp/build').map((job) => job.name);
    expect(names.filter((name) => name.startsWith('e2e'))).toEqual([]);
    expect(names).toContain('client specs'); // Karma says itself that it has no browser
  });
});
