// The app's own headers, as a browser receives them: the Content-Security-Policy that names the
// tenant and the API, framing refused, no sniffing, no X-Powered-By. `origins` gives where the
// pages are served and the tenant and API the policy must name.
import type { E2eBrowser } from './support/driver/e2e-browser';
import { inContext } from './support/in-context';

export const APP_PATHS = ['/', '/callback', '/profile', '/api', '/admin', '/token'];

export interface ServedApp {
  appOrigin: string;
  apiOrigin: string;
  tenantOrigin: string;
}

/** The directives of a policy, by name. */
export function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '').split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** What every page of the app must answer with, whoever serves it. */
export function expectSecurityHeaders(headers: Headers, served: ServedApp, what: string): void {
  const policy = directives(headers.get('content-security-policy'));
  expect(policy.get('script-src')).withContext(what).toEqual(["'self'"]);
  expect(policy.get('connect-src')).withContext(what).toContain(served.tenantOrigin);
  expect(policy.get('connect-src')).withContext(what).toContain(served.apiOrigin);
  expect(policy.get('frame-src')).withContext(what).toEqual([served.tenantOrigin]);
  expect(policy.get('frame-ancestors')).withContext(what).toEqual(["'none'"]);
  expect(headers.get('x-frame-options')).withContext(what).toBe('DENY');
  expect(headers.get('x-content-type-options')).withContext(what).toBe('nosniff');
  expect(headers.get('referrer-policy')).withContext(what).toBe('no-referrer');
  expect(headers.get('x-powered-by')).withContext(what).toBeNull();
}

/** Another site frames the app's API page: the browser must refuse to show it, and say so. */
export async function expectFramingRefused(browser: E2eBrowser, served: ServedApp): Promise<void> {
  await inContext(
    browser,
    async (page, context) => {
      const appFrameLoaded = page.waitForResponse((r) => r.url() === `${served.appOrigin}/api`);
      await page.setContent(`<iframe src="${served.appOrigin}/api" title="framed app"></iframe>`);
      await appFrameLoaded;
      // The refusal is the one violation: Chromium logs it as a console error, Firefox as a page error.
      const refusal = await context.waitForCspViolation(/frame-ancestors/);
      expect(context.cspViolations()).toEqual([refusal]);
      expect(page.frameCount()).toBe(1);
      expect(await page.countInFrames('#callPublic')).toBe(0);
    },
    { cspViolationsExpected: true },
  );
}
