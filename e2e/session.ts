// Browser checks of the session: reloads, where tokens live and travel, forged callbacks,
// scope-based UI.
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

export function describeSessions(ctx: StackContext): void {
  describe('sessions and tokens in the browser', () => {
    it('a reload on /profile restores the session silently and stays on /profile', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.reader);
        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#profile');
        const name = await page.innerText('#userName');
        await page.reload();
        await page.waitForSelector('#profile');
        expect(new URL(page.url()).pathname).toBe('/profile');
        expect(await page.innerText('#userName')).toBe(name);
        expect(await page.innerText('#profile')).toContain('reader@example.com');
      });
    });

    it('a reload on /admin keeps the admin on /admin', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.admin);
        await page.goto(`${stack.appOrigin}/admin`);
        await page.waitForSelector('#admin');
        await page.reload();
        // The admin page renders only once the guard, after the silent restore, has let the state in.
        await page.waitForSelector('#admin');
        expect(await page.evaluate(() => location.pathname)).toBe('/admin');
        expect(await page.count('#authError')).toBe(0);
      });
    });

    it('a reload while the session is still being restored keeps the admin on /admin', async () => {
      const { stack, browser } = ctx();
      if (browser.name === 'firefox') {
        pending(
          "Firefox fails the unloading page's silent restore (checkSession) and the app's failure handler still runs: it clears the was-logged-in flag (auth.service.ts endSession), so the reloaded page does not restore",
        );
      }
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.admin);
        const restoring = page.waitForRequest((r) => r.url().startsWith(`${stack.tenantOrigin}/.well-known/jwks.json`));
        await page.goto(`${stack.appOrigin}/admin`);
        await restoring;
        await page.reload();
        await page.waitForSelector('#admin');
        expect(await page.count('#authError')).toBe(0);
      });
    });

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

    it('a forged callback hash shows an error and creates no session', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const fake = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhdHRhY2tlciJ9.';
        await page.goto(
          `${stack.appOrigin}/callback#access_token=${fake}&id_token=${fake}&token_type=Bearer&expires_in=7200&state=forged`,
        );
        await page.waitForSelector('#authError');
        expect(await page.innerText('#authError')).not.toBe('');
        expect(await page.isVisible('#qsLoginBtn')).toBeTrue();
        expect(await page.count('#userName')).toBe(0);
        await page.goto(`${stack.appOrigin}/api`);
        await Promise.all([
          page.waitForResponse((r) => r.url() === `${stack.apiOrigin}/api/private`),
          page.click('#callPrivate'),
        ]);
        await page.waitForFunction(() => /missing_token/.test(document.querySelector('#apiResult')?.textContent ?? ''));
      });
    });

    it('a login error from the tenant is shown on screen and creates no session', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await page.goto(
          `${stack.appOrigin}/callback#error=access_denied&error_description=Service%20not%20found&state=abc`,
        );
        await page.waitForSelector('#authError');
        expect(await page.innerText('#authError')).toMatch(/access_denied|Service not found|state/i);
        expect(await page.count('#userName')).toBe(0);
      });
    });

    it('a login for an audience the tenant does not know says AUTH0_AUDIENCE must be the API Identifier', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await page.goto(stack.appOrigin);
        await page.waitForSelector('#qsLoginBtn');
        // The app's own login, with the audience a typo in AUTH0_AUDIENCE would send.
        await page.evaluate(() => {
          const { angular } = window as unknown as {
            angular: {
              element(e: Element): { injector(): { get(name: string): { authorize(o: object): void } } };
            };
          };
          angular
            .element(document.body)
            .injector()
            .get('angularAuth0')
            .authorize({ audience: 'https://quickstarts/apj' });
        });
        await page.waitForURL((url) => url.origin === stack.appOrigin && !url.pathname.startsWith('/callback'));
        const error = await page.innerText('#authError');
        expect(error).toContain(
          'Login failed. access_denied: the tenant has no API with the identifier "https://quickstarts/apj"',
        );
        expect(error).toContain("must equal the API's Identifier exactly, and that API must exist in this tenant");
        expect(error).toContain('AUTH0_AUDIENCE');
        expect(await page.count('#userName')).toBe(0);
      });
    });

    it('a /userinfo call the browser cannot complete says to check the Allowed Web Origins', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.reader);
        // What a tenant that refuses this origin (CORS) looks like from the page: no readable answer.
        await page.route(
          (url) => url.href === `${stack.tenantOrigin}/userinfo`,
          () => 'abort',
        );
        await page.goto(`${stack.appOrigin}/profile`);
        const error = await page.innerText('#userInfoError');
        expect(error).toContain('Could not read your profile from /userinfo: the browser could not read the tenant');
        expect(error).toContain(`this app's origin (${stack.appOrigin}) is not an Allowed Web Origin`);
      });
    });

    it('when silent authentication fails on reload, says why and the next login works', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page, context) => {
        await logIn(page, stack, USERS.reader);
        // The tenant session disappears behind the app's back (expired, logged out elsewhere).
        await context.deleteCookies(/^dev_tenant_session/);
        await page.reload();
        await page.waitForSelector('#authError');
        expect(await page.innerText('#authError')).toMatch(/login_required|log in/i);
        expect(await page.isVisible('#qsLoginBtn')).toBeTrue();
        await logIn(page, stack, USERS.reader);
        expect(await page.innerText('#userName')).not.toBe('');
      });
    });
  });

  describe('token inspector', () => {
    it("checks the reader's real access token against the app's configuration, and flags the id_token", async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.reader);
        await page.goto(`${stack.appOrigin}/token`);
        const text = await page.innerText('#tokenInspector[data-kind="access_token"]');
        expect(text).toContain('✓ Audience');
        expect(text).toContain(`✓ Issuer iss is ${stack.tenantOrigin}/`);
        // RBAC gave the reader no write:messages: the roles' decision, shown as such, not as a mistake.
        expect(text).toMatch(/ℹ Scopes[^\n]*not granted: write:messages manage:users, as your roles decide/);
        expect(text).not.toContain('✗');
        expect(text).toContain('✓ Expiry');

        await page.setChecked('input[value="id"]', true);
        await page.waitForSelector('#tokenInspector[data-kind="id_token"]');
        expect(await page.innerText('#tokenInspector')).toMatch(/id_token/i);
      });
    });
  });

  describe('scope-based UI', () => {
    const cases: [keyof typeof USERS, boolean][] = [
      ['admin', true],
      ['reader', false],
      ['guest', false],
    ];
    for (const [role, canAdmin] of cases) {
      it(`${role}: the admin nav item is ${canAdmin ? 'shown' : 'hidden'} and /admin is ${canAdmin ? 'open' : 'guarded'}`, async () => {
        const { stack, browser } = ctx();
        await inContext(browser, async (page) => {
          await logIn(page, stack, USERS[role]);
          expect(await page.isVisible('a[href="/admin"]')).toBe(canAdmin);
          await page.goto(`${stack.appOrigin}/admin`);
          // Either outcome renders something only after the guard has decided: the page, or the reason.
          if (canAdmin) await page.waitForSelector('#admin');
          else expect(await page.innerText('#authError')).toContain('/admin needs the scope manage:users');
          expect((await page.evaluate(() => location.pathname)) === '/admin').toBe(canAdmin);
        });
      });
    }
  });
}
