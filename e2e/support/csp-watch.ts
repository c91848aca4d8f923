import type { BrowserContext } from 'playwright-core';

interface Violation {
  directive: string;
  blocked: string;
  document: string;
}

/**
 * Records every Content-Security-Policy violation in the app's pages of `context`, from the moment
 * it is called: the `securitypolicyviolation` events and Chromium's console errors about the policy
 * (which also report what the event does not, e.g. a policy the browser ignored). Returns a getter
 * of one line per violation. Pages of other origins (the tenant's) are not the app's business.
 */
export async function watchCspViolations(context: BrowserContext, appOrigin: string): Promise<() => string[]> {
  const violations: string[] = [];
  const inApp = (url: string) => url.startsWith(`${appOrigin}/`);
  await context.exposeBinding('__reportCspViolation', (_source, v: Violation) => {
    if (inApp(v.document)) violations.push(`${v.document}: ${v.directive} blocked ${v.blocked}`);
  });
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCspViolation(v: Violation): void }).__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        document: e.documentURI,
      }),
    );
  });
  context.on('console', (message) => {
    const where = message.location().url || (message.page()?.url() ?? '');
    if (/Content.Security.Policy/i.test(message.text()) && inApp(where)) violations.push(`${where}: ${message.text()}`);
  });
  return () => [...violations];
}
