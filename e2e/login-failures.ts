// Logins that fail, each explained on screen and none starting a session: a forged callback, the
// tenant's refusal, an audience the tenant does not know, a /userinfo the browser cannot read.
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { StackContext } from './support/use-stack';

export function describeLoginFailures(ctx: StackContext): void {
  describe('failed logins, explained', () => {
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
  });
}
