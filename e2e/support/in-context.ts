import type { E2eBrowser, E2eContext } from './driver/e2e-browser';
import type { E2ePage } from './driver/e2e-page';

interface InContextOptions {
  /** For the one scenario that provokes a violation on purpose (framing) and checks it itself. */
  cspViolationsExpected?: boolean;
}

/**
 * A scenario's own private window: a fresh context and a page in it, closed afterwards. No page of
 * the context, the app's or the tenant's, may have violated its Content-Security-Policy.
 */
export async function inContext(
  browser: E2eBrowser,
  run: (page: E2ePage, context: E2eContext) => Promise<void>,
  options: InContextOptions = {},
): Promise<void> {
  const context = await browser.newContext();
  try {
    await run(await context.newPage(), context);
    if (!options.cspViolationsExpected) {
      expect(context.cspViolations()).withContext('Content-Security-Policy violations').toEqual([]);
    }
  } finally {
    await context.close();
  }
}
