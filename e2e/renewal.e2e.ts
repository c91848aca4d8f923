// Renewal in a real browser: with 20-second access tokens, the app renews silently (checkSession in
// a hidden iframe) before expiry, API calls keep working, and the API refuses the old token as expired.
import { setTimeout as delay } from 'node:timers/promises';
import { callApi, logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { forEachBrowser, useStack } from './support/use-stack';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

const TTL_SECONDS = 20;

function expiryOf(jwt: string): number {
  return (JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
}

// Its own stack: 20-second tokens would renew under every other scenario's feet.
describe(`token renewal (DEV_TENANT_TOKEN_TTL=${TTL_SECONDS})`, () => {
  const running = useStack({ DEV_TENANT_TOKEN_TTL: String(TTL_SECONDS) });

  forEachBrowser(running, (ctx) => {
    it('renews the access token before it expires, and the API refuses the old one as expired', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const sent: string[] = [];
        page.onRequest((request) => {
          const authorization = request.headers()['authorization'];
          if (request.url().startsWith(`${stack.apiOrigin}/`) && authorization?.startsWith('Bearer '))
            sent.push(authorization.slice(7));
        });
        await logIn(page, stack, USERS.reader);
        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        const first = sent.at(-1)!;
        const firstExpiry = expiryOf(first);

        // Past the first token's expiry (and the API's 5 s clock tolerance), without any navigation.
        await delay(Math.max(0, (firstExpiry + 6) * 1000 - Date.now()));
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        const renewed = sent.at(-1)!;
        expect(renewed).not.toBe(first);
        expect(expiryOf(renewed)).toBeGreaterThan(firstExpiry);
        expect(new URL(page.url()).pathname).toBe('/api');
        expect(await page.innerText('#userName')).toBe('Riley Reader');

        const stale = await fetch(`${stack.apiOrigin}/api/private`, { headers: { authorization: `Bearer ${first}` } });
        expect(stale.status).toBe(401);
        expect(((await stale.json()) as { code: string }).code).toBe('expired');
      });
    }, 90_000);
  });
});
