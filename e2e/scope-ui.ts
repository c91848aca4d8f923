// What each demo user's scopes show and open: the admin nav item and the guarded /admin.
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { StackContext } from './support/use-stack';

export function describeScopeUi(ctx: StackContext): void {
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
