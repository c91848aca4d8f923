import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startStack, type Stack } from './stack';

export type StackContext<S extends Stack = Stack> = () => { stack: S; browser: Browser };

/**
 * In a describe block: one stack on free ports (by default `npm start`) and one Chromium for its
 * specs, both stopped after them. Returns a getter, since both exist only once beforeAll has run.
 */
export function useStackAndBrowser<S extends Stack = Stack>(
  extraEnv: Record<string, string> = {},
  start: (extraEnv: Record<string, string>) => Promise<S> = startStack as (env: Record<string, string>) => Promise<S>,
): StackContext<S> {
  let stack: S;
  let browser: Browser;

  beforeAll(async () => {
    stack = await start(extraEnv);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  return () => ({ stack, browser });
}
