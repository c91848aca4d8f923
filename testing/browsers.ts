// The two browsers the client specs (Karma) and the e2e scenarios run in: Debian's `chromium` and
// `firefox-esr`, never a downloaded one. Outside CI an absent browser is skipped with a line saying so;
// in CI (CI set, as .ci/run does) it is an error, so a green CI run always means both browsers.
import { accessSync, constants } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

interface BrowserPackage {
  label: string;
  /** The variable that names another binary, as the Karma launchers read it. */
  binVariable: string;
  defaultPath: string;
  debianPackage: string;
}

export const BROWSERS: Record<BrowserName, BrowserPackage> = {
  chromium: {
    label: 'Chromium',
    binVariable: 'CHROME_BIN',
    defaultPath: '/usr/bin/chromium',
    debianPackage: 'chromium',
  },
  firefox: {
    label: 'Firefox',
    binVariable: 'FIREFOX_BIN',
    defaultPath: '/usr/bin/firefox-esr',
    debianPackage: 'firefox-esr',
  },
};

const ALL = Object.keys(BROWSERS) as BrowserName[];

export function executablePath(name: BrowserName, env: NodeJS.ProcessEnv = process.env): string {
  return env[BROWSERS[name].binVariable] || BROWSERS[name].defaultPath;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `TEST_BROWSERS=chromium,firefox` (the default: both); anything else is a mistake worth one clear line. */
function requestedBrowsers(env: NodeJS.ProcessEnv = process.env): BrowserName[] {
  const value = env.TEST_BROWSERS?.trim();
  if (!value) return ALL;
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !ALL.includes(name as BrowserName));
  if (unknown.length > 0) {
    throw new Error(`TEST_BROWSERS="${value}": name ${ALL.join(' and/or ')}, comma-separated.`);
  }
  return ALL.filter((name) => names.includes(name));
}

export interface BrowserChoice {
  run: BrowserName[];
  /** One line per requested browser that is not installed, saying how to get it. */
  skipped: string[];
  /** One line per browser TEST_BROWSERS leaves out. */
  excluded: string[];
}

/** Which browsers to run in: the requested ones that are installed. Throws in CI when one is missing. */
export function chooseBrowsers(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const requested = requestedBrowsers(env);
  const missing = requested.filter((name) => !isExecutable(executablePath(name, env)));
  const why = (name: BrowserName) =>
    `${BROWSERS[name].label} is not installed at ${executablePath(name, env)} (sudo apt-get install ${BROWSERS[name].debianPackage}, or set ${BROWSERS[name].binVariable})`;
  if (missing.length > 0 && env.CI) {
    throw new Error(`CI runs every test in both browsers: ${missing.map(why).join('; ')}.`);
  }
  return {
    run: requested.filter((name) => !missing.includes(name)),
    skipped: missing.map((name) => `${BROWSERS[name].label} skipped: ${why(name)}.`),
    excluded: ALL.filter((name) => !requested.includes(name)).map(
      (name) => `${BROWSERS[name].label} not run: TEST_BROWSERS=${env.TEST_BROWSERS}.`,
    ),
  };
}
