// The whole walk with AUTH_FLOW=code and tokens in memory: login through a code and its PKCE
// verifier, the API, the profile (/userinfo and the Management API token, which a refresh token
// cannot serve: the hidden iframe gets it), the admin page, the token inspector, a reload (the
// iframe again: no refresh token survives in memory), renewal by a rotating refresh token, logout
// revoking it. The page's policy allows the token worker from 'self', and nothing violates it.
import { watchCspViolations } from './support/csp-watch';
import { JWT, storedByPage, watchTokenRequests } from './support/code-flow-pages';
import { callApi, logIn, USERS } from './support/flows';
import { useStackAndBrowser } from './support/use-stack';

const TTL_SECONDS = 20; // renewed at half its life, 10 s

const expiryOf = (jwt: string) =>
  (JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number }).exp;

export function describeCodeFlowWalk(): void {
  describe(`the code flow, tokens in memory (AUTH_FLOW=code, DEV_TENANT_TOKEN_TTL=${TTL_SECONDS})`, () => {
    const ctx = useStackAndBrowser({ AUTH_FLOW: 'code', DEV_TENANT_TOKEN_TTL: String(TTL_SECONDS) });

    it('admin: logs in with a code, calls the API, profile, admin and token pages, reload, renewal by rotation, logout revokes', async () => {
      const { stack, browser } = ctx();
      const context = await browser.newContext();
      const cspViolations = await watchCspViolations(context, stack.appOrigin);
      const page = await context.newPage();
      const tokens = watchTokenRequests(page, stack);
      const sent: string[] = [];
      page.on('request', (request) => {
        const authorization = request.headers()['authorization'];
        if (request.url().startsWith(`${stack.apiOrigin}/`) && authorization) sent.push(authorization.slice(7));
      });
      const callback: string[] = [];
      page.on('framenavigated', (frame) => frame === page.mainFrame() && callback.push(frame.url()));
      try {
        await logIn(page, stack, USERS.admin);
        // The code came back in the query and was taken out of the address bar; no token ever was in a URL.
        const back = callback.find((url) => url.startsWith(`${stack.appOrigin}/callback?`)) ?? '';
        expect(new URL(back).searchParams.get('code')).toMatch(/^[\w-]{32,}$/);
        expect(callback.some((url) => /access_token|id_token/.test(url))).toBeFalse();
        expect(tokens.grants()[0]).toBe('authorization_code');

        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivateScoped')).status).toBe(200);
        expect((await callApi(page, stack, '#callAdmin')).status).toBe(200);

        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#userInfo');
        await page.locator('#metadataResult .result-ok').waitFor();
        await page.goto(`${stack.appOrigin}/admin`);
        await page.waitForSelector('#usersTable tr[data-email="reader@example.com"]');
        await page.goto(`${stack.appOrigin}/token`);
        await page.waitForSelector('#tokenInspector[data-kind="access_token"]');

        // In memory: nothing in storage, the refresh token in auth0-spa-js's worker only.
        const stored = await storedByPage(page);
        expect(stored).not.toMatch(JWT);
        expect(stored).not.toContain('refresh_token');
        await page.reload();
        await page.waitForSelector('#tokenInspector[data-kind="access_token"]');
        expect(await page.locator('#userName').innerText()).toBe('Ada Admin');

        // Renewal before expiry, without a navigation: a refresh_token exchange, then the API gets the newer token.
        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        const first = sent.at(-1)!;
        const refreshes = tokens.grants().filter((grant) => grant === 'refresh_token').length;
        await page.waitForRequest(
          (r) => r.url() === `${stack.tenantOrigin}/oauth/token` && /grant_type=refresh_token/.test(r.postData() ?? ''),
          { timeout: TTL_SECONDS * 1000 },
        );
        await page.waitForFunction(() => !document.querySelector('#qsLoginBtn')); // still logged in
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        expect(expiryOf(sent.at(-1)!)).toBeGreaterThan(expiryOf(first));
        expect(tokens.grants().filter((grant) => grant === 'refresh_token').length).toBeGreaterThan(refreshes);
        expect(new URL(page.url()).pathname).toBe('/api');

        await page.click('#qsLogoutBtn');
        await page.waitForSelector('#qsLoginBtn');
        expect(tokens.revoked()).toBe(1);
        await page.click('#qsLoginBtn');
        await page.waitForURL((url) => url.origin === stack.tenantOrigin);
        expect(await page.locator('#password').isVisible()).toBeTrue();
        expect(cspViolations()).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  });
}
