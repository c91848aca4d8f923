// The tenant on another site than the app (DEV_TENANT_HOST=127.0.0.1, the app on localhost), as a
// real tenant is, and Debian's headless Chromium blocking third-party cookies by default: the
// implicit flow then loses the session at every reload (third-party-cookies.ts shows it, explained).
// The code flow with its refresh token in localStorage (AUTH_CACHE=localstorage) keeps it. A copy of
// an old refresh token used after the app rotated it revokes the family, and the app says so at its
// next renewal; logout revokes the refresh token at the tenant.
import { replay, storedRefreshToken, watchTokenRequests } from './support/code-flow-pages';
import { logIn, USERS } from './support/flows';
import { useStackAndBrowser } from './support/use-stack';

const TTL_SECONDS = 20; // renewed at half its life: every 10 s

export function describeCodeFlowAcrossSites(): void {
  describe('the code flow, refresh token in localStorage, tenant on another site (AUTH_CACHE=localstorage)', () => {
    const ctx = useStackAndBrowser({
      AUTH_FLOW: 'code',
      AUTH_CACHE: 'localstorage',
      DEV_TENANT_HOST: '127.0.0.1',
      DEV_TENANT_TOKEN_TTL: String(TTL_SECONDS),
    });

    it('keeps the session across a reload without the blocked cookie; a replayed old refresh token revokes the family and the app asks to log in again', async () => {
      const { stack, browser } = ctx();
      expect(stack.tenantOrigin).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const context = await browser.newContext();
      const page = await context.newPage();
      const tokens = watchTokenRequests(page, stack);
      try {
        await logIn(page, stack, USERS.reader);
        const first = await storedRefreshToken(page);
        expect(first).toMatch(/^[\w-]{40,}$/);

        const iframes: string[] = [];
        page.on('request', (r) => r.url().includes('prompt=none') && iframes.push(r.url()));
        await page.reload();
        await page.waitForSelector('#userName');
        expect(await page.locator('#userName').innerText()).toBe('Riley Reader');
        expect(await page.locator('#authError').count()).toBe(0);
        expect(iframes).toEqual([]); // no hidden iframe: its cookie would be blocked here

        // The app renews by itself, and rotates the token it keeps.
        await page.waitForFunction((old) => !JSON.stringify(Object.entries(localStorage)).includes(old), first, {
          timeout: TTL_SECONDS * 1000,
        });
        expect(tokens.grants()).toContain('refresh_token');
        // Someone replays the first token (copied out of localStorage, say): reuse, the family is revoked.
        const replayed = await replay(stack, first);
        expect(replayed).toEqual({
          status: 403,
          body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
        });
        // The app's own, newer token goes with it: at its next renewal the app ends the session, and says why.
        const error = page.locator('#authError');
        await error.waitFor({ timeout: TTL_SECONDS * 1000 });
        const text = await error.innerText();
        expect(text).toMatch(
          /^Your session ended: the token could not be renewed\. invalid_grant: the tenant refused the refresh token/,
        );
        expect(text).toContain('reuse detection');
        expect(text).toContain('Log in again.');
        expect(await page.locator('#qsLoginBtn').isVisible()).toBeTrue();
      } finally {
        await context.close();
      }
    }, 120_000);

    it('logout revokes the refresh token at the tenant: a copy of it is worth nothing afterwards', async () => {
      const { stack, browser } = ctx();
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await logIn(page, stack, USERS.admin);
        const refreshToken = await storedRefreshToken(page);
        expect(refreshToken).not.toBe('');
        await page.click('#qsLogoutBtn');
        await page.waitForSelector('#qsLoginBtn');
        expect(await storedRefreshToken(page)).toBe('');
        expect((await replay(stack, refreshToken)).status).toBe(403);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
}
