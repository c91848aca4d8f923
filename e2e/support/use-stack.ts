import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startStack, type Stack } from './stack';

export type StackContext = () => { stack: Stack; browser: Browser };

/**
 * In a describe block: one `npm start` on free ports and one Chromium for its specs, both stopped
 * after them. Returns a getter, since both exist only once beforeAll has run.
 */
export function useStackAndBrowser(extraEnv: Record<string, string> = {}): StackContext {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack(extraEnv);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  return () => ({ stack, browser });
}
