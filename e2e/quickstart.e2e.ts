// One `npm start` on free ports serves every scenario, in each browser in turn (the scenarios share
// its users, so the browsers do not run at once); the last check is the Ctrl-C.
import { APP_PATHS, expectFramingRefused, expectSecurityHeaders } from './headers';
import { describeLoginFailures } from './login-failures';
import { describeManagement } from './management';
import { describeScopeUi } from './scope-ui';
import { describeSessionRestore } from './session-restore';
import { expectCtrlCStopsAll } from './support/stack';
import { forEachBrowser, useStack } from './support/use-stack';
import { describeTokenInspector } from './token-inspector';
import { describeTokenTravel } from './token-travel';
import { describeNewcomerWalk } from './walk';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

describe('quickstart (npm start)', () => {
  const running = useStack();

  forEachBrowser(running, (ctx) => {
    describeNewcomerWalk(ctx);
    describeSessionRestore(ctx);
    describeTokenTravel(ctx);
    describeLoginFailures(ctx);
    describeTokenInspector(ctx);
    describeScopeUi(ctx);
    describeManagement(ctx);

    it('another site cannot frame the app', async () => {
      const { stack, browser } = ctx();
      await expectFramingRefused(browser, stack);
    });
  });

  describe("the dev server's headers", () => {
    it('every page and file of the app carries the policy naming the tenant and the API, and refuses framing', async () => {
      const stack = running();
      for (const path of [...APP_PATHS, '/main.js', '/main.css']) {
        const response = await fetch(stack.appOrigin + path);
        expect(response.status).withContext(path).toBe(200);
        expectSecurityHeaders(response.headers, stack, path);
        // Development adds the live-reload websocket, and only that.
        expect(response.headers.get('content-security-policy')).toContain(`ws://localhost:${stack.ports.app}`);
      }
    });
  });

  describe('npm start', () => {
    it('printed the three URLs and the demo users', () => {
      const out = running().output();
      expect(out).toContain(running().appOrigin);
      expect(out).toContain(`${running().apiOrigin}/api/public`);
      expect(out).toContain(running().tenantOrigin);
      for (const email of ['admin@example.com', 'reader@example.com', 'guest@example.com'])
        expect(out).toContain(email);
    });

    // Last spec (the e2e suite runs in order): a person's Ctrl-C stops all three processes.
    it('stops the dev tenant, the API and the app on Ctrl-C', async () => {
      await expectCtrlCStopsAll(running());
    });
  });
});
