// The e2e scenarios' one view of a browser, whichever it is: puppeteer-core drives Chromium over CDP
// and Firefox over WebDriver BiDi through the same API (playwright-core cannot drive Firefox ESR).
// Every page records the Content-Security-Policy violations of all its documents.
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserContext } from 'puppeteer-core';
import { BROWSERS, type BrowserName } from '../../../testing/browsers';
import { watchCspViolations } from '../csp-watch';
import { E2ePage, WAIT_TIMEOUT_MS, type FrontTab } from './e2e-page';

interface E2eCookie {
  name: string;
  value: string;
  domain: string;
}

/** A private profile (cookies, storage, Firefox's storage-access grants): one per scenario. */
export class E2eContext {
  private readonly violations: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly front: FrontTab,
  ) {}

  async newPage(): Promise<E2ePage> {
    const page = await this.context.newPage();
    await watchCspViolations(page, (line) => this.violations.push(line));
    return new E2ePage(page, this.front);
  }

  /** One line per Content-Security-Policy violation in any page of this context so far. */
  cspViolations(): string[] {
    return [...this.violations];
  }

  /** Waits until a violation matching `pattern` has been recorded, and returns it. */
  async waitForCspViolation(pattern: RegExp): Promise<string> {
    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    for (;;) {
      const found = this.violations.find((line) => pattern.test(line));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no CSP violation matching ${pattern} within ${WAIT_TIMEOUT_MS} ms`);
      await delay(50);
    }
  }

  async cookies(): Promise<E2eCookie[]> {
    return (await this.context.cookies()).map(({ name, value, domain }) => ({ name, value, domain }));
  }

  /** Deletes the cookies whose name matches, wherever they were set. */
  async deleteCookies(name: RegExp): Promise<void> {
    const matching = (await this.context.cookies()).filter((cookie) => name.test(cookie.name));
    if (matching.length > 0) await this.context.deleteCookie(...matching);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export class E2eBrowser {
  readonly label: string;
  private readonly front: FrontTab = {};

  constructor(
    readonly name: BrowserName,
    private readonly browser: Browser,
  ) {
    this.label = BROWSERS[name].label;
  }

  async newContext(): Promise<E2eContext> {
    return new E2eContext(await this.browser.createBrowserContext(), this.front);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
