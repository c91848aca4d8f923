// Where the tokens live and travel in the browser: in no storage the page's scripts or a cookie jar
// could leak, and each only to the origin it is for.
import type { E2eRequest } from './support/driver/network';
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { StackContext } from './support/use-stack';

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;

/** The two services of the app's injector that the token check uses. */
interface NgInjector {
  get(name: '$templateRequest'): (url: string) => PromiseLike<unknown>;
  get(name: '$http'): { get(url: string): PromiseLike<unknown> };
}

export function describeTokenTravel(ctx: StackContext): void {
  describe('where tokens live and travel', () => {
    it('keeps no JWT in localStorage, sessionStorage or cookies after login, the Management API token included', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page, context) => {
        await logIn(page, stack, USERS.admin);
        // The profile gets the second token (and so does a checkSession), then the API page.
        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#metadataResult .result-ok');
        await page.click('a[href="/api"]');
        await page.waitForSelector('#callPrivate');
        // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
        const stored = await page.evaluate(() =>
          JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
        );
        const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
        expect(cookies).toContain('dev_tenant_session='); // the check sees the cookies
        expect(stored).not.toMatch(JWT);
        expect(cookies).not.toMatch(JWT);
      });
    });

    it("sends the access token to the API origin only, the Management API token to the tenant's /api/v2/ only", async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const requests: E2eRequest[] = [];
        page.onRequest((request) => requests.push(request));
        const bearer = (request: E2eRequest) => /^Bearer (.+)$/.exec(request.headers()['authorization'] ?? '')?.[1];
        const origin = (request: E2eRequest) => new URL(request.url()).origin;
        const audienceOf = (token: string) =>
          (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { aud: string | string[] }).aud;
        const managementApi = `${stack.tenantOrigin}/api/v2/`;

        await logIn(page, stack, USERS.admin);
        for (const path of ['/api', '/profile', '/token', '/admin', '/api']) {
          await page.goto(stack.appOrigin + path);
          await page.waitForSelector('#qsLogoutBtn');
          // The profile reads the user's metadata from the Management API, with its own token.
          if (path === '/profile') await page.waitForSelector('#metadataResult .result');
        }
        await Promise.all([
          page.waitForResponse((r) => r.url() === `${stack.apiOrigin}/api/private`),
          page.click('#callPrivate'),
        ]);
        // $http requests the app itself does not make: a template fetched for a templateUrl (same
        // origin), and requests to the tenant, another port on `localhost` that angular-jwt's
        // host-name whitelist would let through: its JWKS, and its Management API with no token stated.
        const jwks = `${stack.tenantOrigin}/.well-known/jwks.json`;
        const unstated = `${managementApi}users?unstated`;
        await page.evaluate(
          async ([jwksUrl, managementUrl]) => {
            const { angular } = window as unknown as { angular: { element(e: Element): { injector(): NgInjector } } };
            const injector = angular.element(document.body).injector();
            // Settled, not awaited one by one: a request that carried the token must still be reported below.
            await Promise.allSettled([
              injector.get('$templateRequest')('/index.html'),
              injector.get('$http').get(jwksUrl),
              injector.get('$http').get(managementUrl),
            ]);
          },
          [jwks, unstated],
        );

        const withToken = requests.filter(bearer);
        const toApi = withToken.filter((r) => origin(r) === stack.apiOrigin);
        const toManagementApi = withToken.filter((r) => r.url().startsWith(managementApi));
        expect(toApi.length).toBeGreaterThan(0);
        expect(toManagementApi.length).toBeGreaterThan(0);
        const apiTokens = new Set(toApi.map(bearer));
        for (const token of apiTokens) expect(audienceOf(token!)).not.toContain(managementApi);
        for (const r of toManagementApi) {
          expect(audienceOf(bearer(r)!))
            .withContext(r.url())
            .toBe(managementApi);
          expect(apiTokens.has(bearer(r)))
            .withContext(r.url())
            .toBeFalse();
        }
        expect(withToken.filter((r) => origin(r) === stack.appOrigin).map((r) => r.url())).toEqual([]);
        const elsewhere = withToken.filter(
          (r) =>
            origin(r) !== stack.apiOrigin &&
            !r.url().startsWith(managementApi) &&
            !r.url().startsWith(`${stack.tenantOrigin}/userinfo`),
        );
        expect(elsewhere.map((r) => r.url())).toEqual([]);
        // The check can fail: $http did send requests to the app's own origin and to the tenant. Its
        // default Accept header tells them from the browser's own requests and auth0-js's.
        const viaHttp = (r: E2eRequest) => r.headers()['accept'] === 'application/json, text/plain, */*';
        expect(requests.some((r) => viaHttp(r) && r.url() === `${stack.appOrigin}/index.html`)).toBeTrue();
        expect(requests.some((r) => viaHttp(r) && r.url() === jwks)).toBeTrue();
        expect(requests.filter((r) => viaHttp(r) && r.url() === unstated).map(bearer)).toEqual([undefined]);
      });
    });
  });
}
