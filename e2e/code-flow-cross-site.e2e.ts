// The tenant on another site than the app (DEV_TENANT_HOST=127.0.0.1, the app on localhost), as a
// real tenant is, in browsers that block its cookie in the app's frames: Debian's headless Chromium by
// default, Firefox with all third-party cookies blocked (with its defaults, its navigation heuristic
// would hand the frame the cookie right after a typed login: third-party-cookies.e2e.ts measures both,
// and the implicit flow losing the session on reload there, explained). The code flow with its refresh
// token in localStorage (AUTH_CACHE=localstorage) keeps the session. A copy of an old refresh token
// used after the app rotated it revokes the family, and the app says so at its next renewal; logout
// revokes the refresh token at the tenant.
import { replay, storedRefreshToken, watchTokenRequests } from './support/code-flow-pages';
import { logIn, logOut, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { forEachBrowser, useStack } from './support/use-stack';

const TTL_SECONDS = 20; // renewed at half its life: every 10 s

/** Firefox only (Chromium's headless build blocks them already): every third-party cookie blocked. */
const ALL_THIRD_PARTY_COOKIES_BLOCKED = { firefoxPrefs: { 'network.cookie.cookieBehavior': 1 } };

describe('the code flow, refresh token in localStorage, tenant on another site (AUTH_CACHE=localstorage)', () => {
  const running = useStack({
    AUTH_FLOW: 'code',
    AUTH_CACHE: 'localstorage',
    DEV_TENANT_HOST: '127.0.0.1',
    DEV_TENANT_TOKEN_TTL: String(TTL_SECONDS),
  });

  forEachBrowser(
    running,
    (ctx) => {
      it('keeps the session across a reload without the blocked cookie; a replayed old refresh token revokes the family and the app asks to log in again', async () => {
        const { stack, browser } = ctx();
        expect(stack.tenantOrigin).toMatch(/^http:\/\/127\.0\.0\.1:/);
        await inContext(browser, async (page) => {
          const tokens = watchTokenRequests(page, stack);
          await logIn(page, stack, USERS.reader);
          const first = await storedRefreshToken(page);
          expect(first).toMatch(/^[\w-]{40,}$/);

          const iframes: string[] = [];
          page.onRequest((r) => {
            if (r.url().includes('prompt=none')) iframes.push(r.url());
          });
          await page.reload();
          await page.waitForSelector('#userName');
          expect(await page.innerText('#userName')).toBe('Riley Reader');
          expect(await page.count('#authError')).toBe(0);
          expect(iframes).toEqual([]); // no hidden iframe: its cookie would be blocked here

          // The app renews by itself, before the token expires, and rotates the token it keeps.
          const waiting = Date.now();
          await page.waitForFunction((old) => !JSON.stringify(Object.entries(localStorage)).includes(old), first);
          expect(Date.now() - waiting).toBeLessThan(TTL_SECONDS * 1000);
          expect(await tokens.grants()).toContain('refresh_token');
          // Someone replays the first token (copied out of localStorage, say): reuse, the family is revoked.
          const replayed = await replay(stack, first);
          expect(replayed).toEqual({
            status: 403,
            body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
          });
          // The app's own, newer token goes with it: at its next renewal the app ends the session, and says why.
          const replayedAt = Date.now();
          const text = await page.waitForText('#authError', /\S/);
          expect(Date.now() - replayedAt).toBeLessThan(TTL_SECONDS * 1000);
          expect(text).toMatch(
            /^Your session ended: the token could not be renewed\. invalid_grant: the tenant refused the refresh token/,
          );
          expect(text).toContain('reuse detection');
          expect(text).toContain('Log in again.');
          expect(await page.isVisible('#qsLoginBtn')).toBeTrue();
        });
      }, 120_000);

      it('logout revokes the refresh token at the tenant: a copy of it is worth nothing afterwards', async () => {
        const { stack, browser } = ctx();
        await inContext(browser, async (page) => {
          await logIn(page, stack, USERS.admin);
          const refreshToken = await storedRefreshToken(page);
          expect(refreshToken).not.toBe('');
          await logOut(page, stack);
          expect(await storedRefreshToken(page)).toBe('');
          expect((await replay(stack, refreshToken)).status).toBe(403);
        });
      }, 60_000);
    },
    ALL_THIRD_PARTY_COOKIES_BLOCKED,
  );
});
