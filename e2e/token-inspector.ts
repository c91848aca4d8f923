// The token inspector (/token) on a real login: the access token checked as the API will check it.
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { StackContext } from './support/use-stack';

export function describeTokenInspector(ctx: StackContext): void {
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
}
