import type { Page } from 'puppeteer-core';

interface Violation {
  directive: string;
  blocked: string;
  document: string;
}

const ABOUT_THE_POLICY = /Content.Security.Policy/i;

/**
 * Records every Content-Security-Policy violation in `page`, whoever's document it is (the app's, the
 * tenant's login page, a hidden frame), from the moment it is called: the `securitypolicyviolation`
 * events, and what the browser logs about the policy (Chromium as console errors, Firefox as page
 * errors), which also covers what no event reports, such as a frame refused by frame-ancestors.
 * Firefox, unlike headless Chromium, requests every page's favicon under the page's policy.
 */
export async function watchCspViolations(page: Page, record: (line: string) => void): Promise<void> {
  await page.exposeFunction('__reportCspViolation', (v: Violation) =>
    record(`${v.document}: ${v.directive} blocked ${v.blocked}`),
  );
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportCspViolation(v: Violation): Promise<void> }).__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        document: e.documentURI,
      });
    });
  });
  page.on('console', (message) => {
    if (ABOUT_THE_POLICY.test(message.text())) record(`${message.location().url || page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    if (ABOUT_THE_POLICY.test(text)) record(`${page.url()}: ${text}`);
  });
}
