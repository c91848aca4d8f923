// What `npm test` runs, as independent processes: lint, type check, the Node specs, the client specs
// (Karma, both browsers) and the e2e files, each e2e file on its own stack with free ports, and first
// the one production build that the bundle spec and the served dist/ e2e share. Longest first, so the
// long ones never start last.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, type BrowserName } from '../../testing/browsers';
import type { Job } from './run-jobs';

/** The longest e2e files: one process (and stack) per browser, which then run at the same time. */
const SPLIT_BY_BROWSER = ['quickstart.e2e.ts'];
/** Long in both browsers on one stack (every page at two widths): started with the longest. */
const LONG = ['screens.e2e.ts'];
/** Slow by waiting (token expiry), not by work: started early, it costs the machine little. */
const EARLY = ['renewal.e2e.ts'];

/** The e2e file that serves a production build, and so waits for the shared one. */
const SERVES_A_BUILD = 'serve-dist.e2e.ts';
const BUILD = 'production build';

const npm = (name: string, script: string, options: Pick<Job, 'after' | 'background'> = {}): Job => ({
  name,
  command: 'npm',
  args: ['run', '-s', script],
  ...options,
});

function e2eJob(root: string, file: string, browsers: BrowserName[]): Job {
  const which = browsers.length === 1 ? ` (${BROWSERS[browsers[0]].label})` : '';
  return {
    name: `e2e ${file.replace(/\.e2e\.ts$/, '')}${which}`,
    command: join(root, 'node_modules/.bin/tsx'),
    args: ['node_modules/jasmine/bin/jasmine.js', '--config=jasmine.e2e.json', `e2e/${file}`],
    env: { TEST_BROWSERS: browsers.join(',') },
    after: file === SERVES_A_BUILD ? BUILD : undefined,
    background: true,
  };
}

/**
 * Every suite, for the browsers this run drives; e2e files are found in e2e/ (`*.e2e.ts`). The shared
 * build goes to `buildFolder`, which the suites find in QUICKSTART_SHARED_BUILD.
 */
export function testJobs(root: string, browsers: BrowserName[], buildFolder: string): Job[] {
  const files = readdirSync(join(root, 'e2e'))
    .filter((file) => file.endsWith('.e2e.ts'))
    .sort();
  // No browser, no e2e (TEST_BROWSERS empty would mean both).
  const e2e = (names: string[]): Job[] =>
    browsers.length === 0
      ? []
      : files
          .filter((file) => names.includes(file))
          .flatMap((file) =>
            SPLIT_BY_BROWSER.includes(file)
              ? browsers.map((b) => e2eJob(root, file, [b]))
              : [e2eJob(root, file, browsers)],
          );
  const rest = files.filter((file) => ![...SPLIT_BY_BROWSER, ...LONG, ...EARLY].includes(file));
  const build: Job = {
    name: BUILD,
    command: join(root, 'node_modules/.bin/tsx'),
    args: ['e2e/support/shared-build.ts', buildFolder],
  };
  // The longest chains first (the quickstart in Firefox, the screens, then the Node specs in one
  // process), and the shortest suites last, so that the run does not end waiting on a long one started late.
  return [
    build,
    ...e2e(SPLIT_BY_BROWSER).reverse(),
    ...e2e(LONG),
    npm('server specs', 'test:server', { after: BUILD }),
    npm('lint', 'lint'),
    ...e2e(EARLY),
    ...e2e(rest),
    npm('type check', 'typecheck'),
    npm('client specs', 'test:client'),
  ];
}
