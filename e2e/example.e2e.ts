// The plain-scripts example (`npm run example`) in each browser: an AngularJS app with script tags
// only, ngRoute and hashbang links, on a static server with no fallback, using the built auth module.
import { returnWithForgedIdToken } from './example-forged-login';
import { startExampleStack } from './example-stack';
import type { E2ePage } from './support/driver/e2e-page';
import { logOut, PASSWORD, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { expectCtrlCStopsAll, type Stack } from './support/stack';
import { forEachBrowser, useStack } from './support/use-stack';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

interface PageAuth {
  getAccessToken(): string | null;
  isAuthenticated(): boolean;
  error: string | null;
}
declare const angular: { element(node: Element): { injector(): { get(name: 'auth'): PageAuth } } };

/** The example's `auth` service, asked in the page. */
const authIn = (page: E2ePage) => ({
  accessToken: () => page.evaluate(() => angular.element(document.body).injector().get('auth').getAccessToken()),
  isAuthenticated: () => page.evaluate(() => angular.element(document.body).injector().get('auth').isAuthenticated()),
  /** Where the page is and what the service says, to explain a failure. */
  state: () =>
    page.evaluate(() => {
      const auth = angular.element(document.body).injector().get('auth');
      return `at ${location.href.replace(/#.*/, '#...')}, authenticated: ${auth.isAuthenticated()}, error: ${auth.error}`;
    }),
});

async function logInFromTenantPage(page: E2ePage, stack: Stack, email: string): Promise<void> {
  await page.waitForURL((url) => url.origin === stack.tenantOrigin);
  await page.fill('#username', email);
  await page.fill('#password', PASSWORD);
  await page.click('#login-submit');
  await page.waitForURL((url) => url.origin === stack.appOrigin);
  await page.waitForSelector('#userName');
}

describe('the plain-scripts example (npm run example)', () => {
  const running = useStack({}, startExampleStack);

  it('serves static files with no fallback: the page and its files, 404 for /callback', async () => {
    const stack = running();
    expect((await fetch(`${stack.appOrigin}/`)).status).toBe(200);
    expect((await fetch(`${stack.appOrigin}/lib/qs-angularjs-auth/qs-auth.js`)).status).toBe(200);
    expect((await fetch(`${stack.appOrigin}/callback`)).status).toBe(404);
    expect((await fetch(`${stack.appOrigin}/messages`)).status).toBe(404);
  });

  forEachBrowser(running, (ctx) => {
    it('a reader: refused while logged out, logs in back to the refused page, reload restores, calls the API; the token goes to the API only; logout sticks', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const withToken: string[] = [];
        const sameHost: string[] = [];
        page.onRequest((request) => {
          const url = request.url();
          if (url.startsWith(stack.appOrigin)) sameHost.push(url);
          if (request.headers()['authorization']) withToken.push(url);
        });

        await page.goto(`${stack.appOrigin}/#!/messages`);
        await page.waitForSelector('#authError');
        expect(await page.innerText('#authError')).toBe('Log in to open /messages.');
        expect(new URL(page.url()).hash).toBe('#!/');

        await page.click('#qsLoginBtn');
        await logInFromTenantPage(page, stack, USERS.reader);
        await page.waitForSelector('#callPrivate');
        expect(new URL(page.url()).hash).toBe('#!/messages'); // back on the refused page, in hashbang form
        expect(page.url()).not.toContain('access_token');
        expect(await page.innerText('#userName')).toBe('Riley Reader');
        await page.waitForSelector('#notes li'); // the app's own JSON file

        await page.reload();
        await page.waitForSelector('#callPrivate');
        expect(await page.innerText('#userName')).toBe('Riley Reader');
        expect(new URL(page.url()).hash).toBe('#!/messages');

        const [answer] = await Promise.all([
          // The answer, not its CORS preflight (which puppeteer reports as a request of its own).
          page.waitForResponse(
            (r) => r.url() === `${stack.apiOrigin}/api/private` && r.request().method() !== 'OPTIONS',
          ),
          page.click('#callPrivate'),
        ]);
        expect(answer.status()).toBe(200);
        await page.waitForText('#apiResult', /200/);

        await page.goto(`${stack.appOrigin}/#!/admin`);
        await page.waitForText('#authError', /needs the scope write:messages/);
        expect(await page.innerText('#authError')).toBe(
          '/admin needs the scope write:messages; your token grants read:messages.',
        );

        // Templates, the JSON file and the page itself were fetched without a token; only the API got it.
        expect(sameHost.some((url) => url.endsWith('/views/messages.html'))).toBeTrue();
        expect(sameHost.some((url) => url.endsWith('/data/notes.json'))).toBeTrue();
        expect(withToken.length).toBeGreaterThan(0);
        for (const url of withToken)
          expect(url.startsWith(`${stack.apiOrigin}/`))
            .withContext(url)
            .toBeTrue();

        await logOut(page, stack);
        await page.reload();
        await page.waitForSelector('#qsLoginBtn');
        expect(await page.count('#userName')).toBe(0);
        expect(await authIn(page).isAuthenticated()).toBeFalse();
      });
    });

    it('refuses a login response whose id_token is HS256-signed, and says why (auth0-js 10)', async () => {
      const { stack, browser } = ctx();
      let accessToken = '';
      let state = '';
      await inContext(browser, async (page) => {
        await page.goto(`${stack.appOrigin}/`);
        await page.click('#qsLoginBtn');
        await logInFromTenantPage(page, stack, USERS.reader);
        accessToken = (await authIn(page).accessToken()) ?? '';
        state = await authIn(page).state();
      });
      expect(accessToken).withContext(state).not.toBe('');
      await inContext(browser, async (page) => {
        await returnWithForgedIdToken(page, stack, accessToken);
        // Either the callback is refused (an error line) or a session starts (a name): then decide.
        await page.waitForSelector('#authError, #userName');
        expect(await authIn(page).isAuthenticated())
          .withContext('a session was started from the forged id_token')
          .toBeFalse();
        expect(await page.innerText('#authError')).toMatch(
          /^Login failed\. invalid_token: the id_token is signed with HS256, which a browser cannot verify; no session was started\./,
        );
        expect(await page.count('#userName')).toBe(0);
        expect(page.url()).not.toContain('access_token');
      });
    });
  });

  // Last spec (the e2e suite runs in order): a person's Ctrl-C stops the three servers.
  it('stops the dev tenant, the API and the static server on Ctrl-C', async () => {
    await expectCtrlCStopsAll(running());
  });
});
