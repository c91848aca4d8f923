// One `npm start` on free ports and one Chromium serve every scenario; the last check is the Ctrl-C.
import { isListening } from '../testing/free-port';
import { APP_PATHS, expectFramingRefused, expectSecurityHeaders } from './headers';
import { useStackAndBrowser } from './support/use-stack';
import { describeNewcomerWalk } from './walk';
import { describeSessions } from './session';
import { describeManagement } from './management';
import { describeRenewal } from './renewal';
import { describeThirdPartyCookies } from './third-party-cookies';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

describe('quickstart in Chromium', () => {
  const ctx = useStackAndBrowser();

  describeNewcomerWalk(ctx);
  describeSessions(ctx);
  describeManagement(ctx);

  describe("the dev server's headers", () => {
    it('every page and file of the app carries the policy naming the tenant and the API, and refuses framing', async () => {
      const { stack } = ctx();
      for (const path of [...APP_PATHS, '/main.js', '/main.css']) {
        const response = await fetch(stack.appOrigin + path);
        expect(response.status).withContext(path).toBe(200);
        expectSecurityHeaders(response.headers, stack, path);
        // Development adds the live-reload websocket, and only that.
        expect(response.headers.get('content-security-policy')).toContain(`ws://localhost:${stack.ports.app}`);
      }
    });

    it('another site cannot frame the app', async () => {
      const { stack, browser } = ctx();
      await expectFramingRefused(browser, stack);
    });
  });

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
describeThirdPartyCookies();
