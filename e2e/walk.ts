// The newcomer's walk, for each demo user: log in, call the API, log out at the tenant, with every
// page's Content-Security-Policy in force (the app's and the tenant's) and not one violation.
import { callApi, logIn, logOut, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { StackContext } from './support/use-stack';

type Expectation = { status: number; text: RegExp };

const expectations: Record<keyof typeof USERS, Record<string, Expectation>> = {
  admin: {
    '#callPublic': { status: 200, text: /public/i },
    '#callPrivate': { status: 200, text: /private/i },
    '#callPrivateScoped': { status: 200, text: /read:messages|scoped/i },
    '#callAdmin': { status: 200, text: /write:messages|admin/i },
  },
  reader: {
    '#callPublic': { status: 200, text: /public/i },
    '#callPrivate': { status: 200, text: /private/i },
    '#callPrivateScoped': { status: 200, text: /read:messages|scoped/i },
    '#callAdmin': { status: 403, text: /insufficient_scope[\s\S]*write:messages/ },
  },
  guest: {
    '#callPublic': { status: 200, text: /public/i },
    '#callPrivate': { status: 200, text: /private/i },
    '#callPrivateScoped': { status: 403, text: /insufficient_scope[\s\S]*read:messages/ },
    '#callAdmin': { status: 403, text: /insufficient_scope[\s\S]*write:messages/ },
  },
};

export function describeNewcomerWalk(ctx: StackContext): void {
  describe('the newcomer walk', () => {
    for (const role of Object.keys(USERS) as (keyof typeof USERS)[]) {
      it(`${role}: logs in, calls the API with the right answers, logs out at the tenant, no CSP violation`, async () => {
        const { stack, browser } = ctx();
        await inContext(browser, async (page) => {
          await logIn(page, stack, USERS[role]);
          expect(await page.innerText('#userName')).not.toBe('');
          expect(await page.isVisible('#qsLogoutBtn')).toBeTrue();

          await page.goto(`${stack.appOrigin}/api`);
          for (const [button, expected] of Object.entries(expectations[role])) {
            const { status, text } = await callApi(page, stack, button);
            expect(status).withContext(`${role} ${button}`).toBe(expected.status);
            expect(text).withContext(`${role} ${button}`).toMatch(expected.text);
          }
          // The pages that reach the tenant: /userinfo from the profile, and after a reload the
          // session restored by checkSession's hidden iframe.
          await page.goto(`${stack.appOrigin}/profile`);
          await page.waitForSelector('#userInfo');
          await page.reload();
          await page.waitForSelector('#userInfo');
          await page.goto(`${stack.appOrigin}/token`);
          await page.waitForSelector('#tokenInspector[data-kind="access_token"]');

          await logOut(page, stack);
          await page.reload();
          await page.waitForSelector('#qsLoginBtn');
          expect(await page.count('#userName')).toBe(0);

          // The tenant's session ended too: Log In asks for the password again.
          await page.click('#qsLoginBtn');
          await page.waitForURL((url) => url.origin === stack.tenantOrigin);
          await page.waitForSelector('#password');
          // inContext checks the CSP of every page on the way: the app's, and the tenant's login page.
        });
      });
    }
  });
}
