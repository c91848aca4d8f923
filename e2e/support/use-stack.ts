import { BROWSERS, chooseBrowsers, type BrowserName } from '../../testing/browsers';
import { launchBrowser, type LaunchOptions } from './browser';
import type { E2eBrowser } from './driver/e2e-browser';
import { startStack, type Stack } from './stack';

/** What a scenario gets: what it runs against (a stack, or a test's own server) and its browser. */
export type StackContext<S = Stack> = () => { stack: S; browser: E2eBrowser };

/**
 * In a describe block: one stack on free ports (by default `npm start`), stopped after its specs.
 * Returns a getter, since the stack exists only once beforeAll has run.
 */
export function useStack<S extends Stack = Stack>(
  extraEnv: Record<string, string> = {},
  start: (extraEnv: Record<string, string>) => Promise<S> = startStack as (env: Record<string, string>) => Promise<S>,
): () => S {
  let stack: S;
  beforeAll(async () => {
    stack = await start(extraEnv);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);
  return () => stack;
}

let announced = false;

/** The browsers this run drives (TEST_BROWSERS, minus absent ones outside CI); says once which are skipped. */
export function e2eBrowsers(): BrowserName[] {
  const { run, skipped } = chooseBrowsers();
  if (!announced) skipped.forEach((line) => console.log(`e2e: ${line}`));
  announced = true;
  return run;
}

/** `describe('in Firefox')` (or Chromium): one browser for the specs `define` defines, on the given stack. */
export function inBrowser<S>(
  stack: () => S,
  name: BrowserName,
  define: (ctx: StackContext<S>) => void,
  options: LaunchOptions = {},
): void {
  describe(`in ${BROWSERS[name].label}`, () => {
    let browser: E2eBrowser;
    beforeAll(async () => {
      browser = await launchBrowser(name, options);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    }, 30_000);
    define(() => ({ stack: stack(), browser }));
  });
}

/**
 * Defines the scenarios of `define` once per browser this run drives, each with its own browser on
 * the same stack. A scenario written against the context runs in every browser, from one definition.
 */
export function forEachBrowser<S>(
  stack: () => S,
  define: (ctx: StackContext<S>) => void,
  options: LaunchOptions = {},
): void {
  for (const name of e2eBrowsers()) inBrowser(stack, name, define, options);
}
