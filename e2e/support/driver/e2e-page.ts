// One browser tab, as every e2e scenario drives it, in Chromium and Firefox alike. Selectors are CSS;
// every action waits for its element (visible, for clicks and typing), as a person would.
import { setTimeout as delay } from 'node:timers/promises';
import type { Frame, Page } from 'puppeteer-core';
import { PageRoutes, wrapRequest, wrapResponse, type E2eRequest, type E2eResponse, type RouteAnswer } from './network';

export const WAIT_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

/** The browser's tab in front. A background tab gets no animation frames and slow timers (Firefox). */
export interface FrontTab {
  page?: Page;
}

export class E2ePage {
  private readonly routes: PageRoutes;

  constructor(
    private readonly page: Page,
    private readonly front: FrontTab,
  ) {
    page.setDefaultTimeout(WAIT_TIMEOUT_MS);
    this.routes = new PageRoutes(page);
    front.page = page; // a new tab opens in front
  }

  /** As a person switches to the window they act in; scenarios with two people use two tabs. */
  private async toFront(): Promise<void> {
    if (this.front.page === this.page) return;
    await this.page.bringToFront();
    this.front.page = this.page;
  }

  url(): string {
    return this.page.url();
  }

  async goto(url: string): Promise<void> {
    await this.toFront();
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.toFront();
    await this.page.reload();
  }

  async setContent(html: string): Promise<void> {
    await this.page.setContent(html);
  }

  /** The window's size in CSS pixels, e.g. a phone's 390 px; one device pixel per CSS pixel. */
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height, deviceScaleFactor: 1 });
  }

  /** A PNG of the visible window. */
  async screenshot(): Promise<Uint8Array> {
    await this.toFront();
    return this.page.screenshot({ type: 'png' });
  }

  async click(selector: string): Promise<void> {
    await this.toFront();
    await this.page.locator(selector).click();
  }

  async fill(selector: string, value: string): Promise<void> {
    await this.toFront();
    await this.page.locator(selector).fill(value);
  }

  /** Clicks a checkbox or radio button if it is not already in that state. */
  async setChecked(selector: string, checked: boolean): Promise<void> {
    await this.waitForSelector(selector);
    if ((await this.isChecked(selector)) !== checked) await this.click(selector);
  }

  /** Waits until an element matches and is visible. */
  async waitForSelector(selector: string): Promise<void> {
    await this.page.waitForSelector(selector, { visible: true });
  }

  /** Waits until the tab's URL (after redirects and history changes) satisfies `matches`. */
  async waitForURL(matches: (url: URL) => boolean): Promise<void> {
    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    while (!matches(new URL(this.page.url()))) {
      if (Date.now() > deadline) throw new Error(`waitForURL: still at ${this.page.url()} after ${WAIT_TIMEOUT_MS} ms`);
      await delay(POLL_MS);
    }
  }

  /** Waits until the element's text matches `pattern`, and returns that text. */
  async waitForText(selector: string, pattern: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      (css, source, flags) => {
        const text = document.querySelector<HTMLElement>(css)?.innerText;
        return text !== undefined && new RegExp(source, flags).test(text) ? text : false;
      },
      { polling: POLL_MS },
      selector,
      pattern.source,
      pattern.flags,
    );
    return (await handle.jsonValue()) as string;
  }

  /** The element's rendered text, once it exists. */
  async innerText(selector: string): Promise<string> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => (e as HTMLElement).innerText);
  }

  async count(selector: string): Promise<number> {
    return this.page.$$eval(selector, (elements) => elements.length);
  }

  /** Now, without waiting: whether the first match exists and is rendered. */
  async isVisible(selector: string): Promise<boolean> {
    return this.page.evaluate((css) => {
      const element = document.querySelector(css);
      return !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    }, selector);
  }

  async isChecked(selector: string): Promise<boolean> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => (e as HTMLInputElement).checked);
  }

  async inputValue(selector: string): Promise<string> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => (e as HTMLInputElement).value);
  }

  async getAttribute(selector: string, name: string): Promise<string | null> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e, attribute) => e.getAttribute(attribute), name);
  }

  /** Runs `fn` in the page with one serialisable argument. No named functions inside (tsx would wrap them). */
  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return (await this.page.evaluate(fn as (arg: unknown) => unknown, arg)) as T;
  }

  /**
   * Runs a script's source in the page, as the driver evaluates (a library such as axe-core): the page's
   * Content-Security-Policy refuses a script tag injected from outside, and does not apply to this.
   */
  async evaluateScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, { polling: POLL_MS }, arg);
  }

  async waitForRequest(matches: (request: E2eRequest) => boolean): Promise<E2eRequest> {
    return wrapRequest(await this.page.waitForRequest((request) => matches(wrapRequest(request))));
  }

  async waitForResponse(matches: (response: E2eResponse) => boolean): Promise<E2eResponse> {
    return wrapResponse(await this.page.waitForResponse((response) => matches(wrapResponse(response))));
  }

  /** Every request of the tab from now on, its frames' included. */
  onRequest(listener: (request: E2eRequest) => void): void {
    this.page.on('request', (request) => listener(wrapRequest(request)));
  }

  /** What the tab's scripts write to the console, as its level (`log`, `warn`, `error`...) and text. */
  onConsole(listener: (level: string, text: string) => void): void {
    this.page.on('console', (message) => listener(message.type(), message.text()));
  }

  /** Errors no script of the tab caught, by their message. */
  onPageError(listener: (message: string) => void): void {
    this.page.on('pageerror', (error: unknown) => listener(error instanceof Error ? error.message : String(error)));
  }

  /** Answers matching requests (frames included) instead of the network; set it before they are made. */
  async route(matches: (url: URL) => boolean, answer: (request: E2eRequest) => RouteAnswer): Promise<void> {
    await this.routes.add(matches, answer);
  }

  /** How many elements match in the tab's frames (not the top document), e.g. to see a frame was refused. */
  async countInFrames(selector: string): Promise<number> {
    const frames = this.page.frames().filter((frame) => frame !== this.page.mainFrame());
    const counts = await Promise.all(
      frames.map((frame: Frame) => frame.$$eval(selector, (elements) => elements.length)),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** The number of frames below the top document. */
  frameCount(): number {
    return this.page.frames().length - 1;
  }
}
