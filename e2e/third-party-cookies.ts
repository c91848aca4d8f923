// The most reported Auth0 SPA problem, reproduced offline: the tenant on another site than the app
// (DEV_TENANT_HOST=127.0.0.1, the app on localhost), as a real tenant (*.auth0.com) is. The hidden
// iframe of checkSession then gets no session cookie: Debian's headless Chromium blocks third-party
// cookies by default (checked: a `SameSite=None; Secure` cookie of 127.0.0.1 does not reach its
// iframe in a localhost page, while a profile that allows third-party cookies sends it), as Safari,
// Brave and Firefox in strict mode do; and the dev tenant's cookie is `SameSite=Lax`, which no browser
// sends to a cross-site iframe anyway. No flag is needed; the spec checks the iframe went without it.
import { logIn, USERS } from './support/flows';
import { useStackAndBrowser } from './support/use-stack';

export function describeThirdPartyCookies(): void {
  describe('the tenant on another site than the app (DEV_TENANT_HOST=127.0.0.1)', () => {
    const ctx = useStackAndBrowser({ DEV_TENANT_HOST: '127.0.0.1' });

    it('a reload says the blocked third-party cookie is the likely cause and how to fix it; Log In works', async () => {
      const { stack, browser } = ctx();
      expect(stack.tenantOrigin).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await logIn(page, stack, USERS.reader);
        expect(await page.locator('#userName').innerText()).toBe('Riley Reader');

        const checkSession = page.waitForRequest(
          (r) => r.url().startsWith(`${stack.tenantOrigin}/authorize?`) && r.url().includes('prompt=none'),
        );
        await page.reload();
        // The tenant has a session (a first-party cookie on 127.0.0.1), but the iframe did not carry it.
        expect((await (await checkSession).allHeaders())['cookie']).toBeUndefined();
        const error = page.locator('#authError');
        await error.waitFor();
        const text = await error.innerText();
        expect(text).toMatch(/^Could not restore your session\. login_required: /);
        expect(text).toContain(
          `the tenant (127.0.0.1:${stack.ports.tenant}) is on another site than this app (localhost:${stack.ports.app})`,
        );
        expect(text).toContain('its session cookie is a third-party cookie');
        expect(text).toContain('custom domain on the app');
        expect(text).toContain('log in again');

        // Log In is a top-level visit to the tenant, where its cookie is first-party: no password asked.
        await page.click('#qsLoginBtn');
        await page.waitForURL((url) => url.origin === stack.appOrigin && !url.pathname.startsWith('/callback'));
        await page.waitForSelector('#userName');
        expect(await page.locator('#userName').innerText()).toBe('Riley Reader');
        expect(await page.locator('#authError').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
}
