// One `npm start` on free ports and one Chromium serve every scenario; the last check is the Ctrl-C.
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { isListening } from './support/free-port';
import { startStack, type Stack } from './support/stack';
import { describeNewcomerWalk } from './walk';
import { describeSessions } from './session';
import { describeRenewal } from './renewal';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

describe('quickstart in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  const ctx = () => ({ stack, browser });

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  describeNewcomerWalk(ctx);
  describeSessions(ctx);

  describe('npm start', () => {
    it('printed the three URLs and the demo users', () => {
      const out = stack.output();
      expect(out).toContain(stack.appOrigin);
      expect(out).toContain(`${stack.apiOrigin}/api/public`);
      expect(out).toContain(stack.tenantOrigin);
      for (const email of ['admin@example.com', 'reader@example.com', 'guest@example.com']) expect(out).toContain(email);
    });

    // Last spec (the e2e suite runs in order): a person's Ctrl-C stops all three processes.
    it('stops the dev tenant, the API and the app on Ctrl-C', async () => {
      await browser.close();
      expect(await stack.stop()).toBe(0);
      for (const port of Object.values(stack.ports)) expect(await isListening(port)).withContext(`port ${port}`).toBeFalse();
    });
  });
});

describeRenewal();
