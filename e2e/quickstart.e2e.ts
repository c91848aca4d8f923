// One `npm start` on free ports and one Chromium serve every scenario; the last check is the Ctrl-C.
import { isListening } from '../testing/free-port';
import { useStackAndBrowser } from './support/use-stack';
import { describeNewcomerWalk } from './walk';
import { describeSessions } from './session';
import { describeRenewal } from './renewal';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

describe('quickstart in Chromium', () => {
  const ctx = useStackAndBrowser();

  describeNewcomerWalk(ctx);
  describeSessions(ctx);

  describe('npm start', () => {
    it('printed the three URLs and the demo users', () => {
      const { stack } = ctx();
      const out = stack.output();
      expect(out).toContain(stack.appOrigin);
      expect(out).toContain(`${stack.apiOrigin}/api/public`);
      expect(out).toContain(stack.tenantOrigin);
      for (const email of ['admin@example.com', 'reader@example.com', 'guest@example.com'])
        expect(out).toContain(email);
    });

    // Last spec (the e2e suite runs in order): a person's Ctrl-C stops all three processes.
    it('stops the dev tenant, the API and the app on Ctrl-C', async () => {
      const { stack, browser } = ctx();
      await browser.close();
      expect(await stack.stop()).toBe(0);
      for (const port of Object.values(stack.ports))
        expect(await isListening(port))
          .withContext(`port ${port}`)
          .toBeFalse();
    });
  });
});

describeRenewal();
