// The whole walk with AUTH_FLOW=code and tokens in memory, in each browser: login through a code and
// its PKCE verifier, the API, the profile (/userinfo and the Management API token, which a refresh
// token cannot serve: the hidden iframe gets it), the admin page, the token inspector, a reload (the
// iframe again: no refresh token survives in memory), renewal by a rotating refresh token, logout
// revoking it. The page's policy allows the token worker from 'self', and nothing violates it.
import type { E2eRequest } from './support/driver/network';
import { JWT, storedByPage, watchTokenRequests } from './support/code-flow-pages';
import { callApi, logIn, logOut, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { forEachBrowser, useStack } from './support/use-stack';

const TTL_SECONDS = 20; // renewed at half its life, 10 s

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number; aud: string | string[] };
const bearerOf = (request: E2eRequest) => /^Bearer (.+)$/.exec(request.headers()['authorization'] ?? '')?.[1];

// Its own stack: 20-second tokens, and the code flow's build.
describe(`the code flow, tokens in memory (AUTH_FLOW=code, DEV_TENANT_TOKEN_TTL=${TTL_SECONDS})`, () => {
  const running = useStack({ AUTH_FLOW: 'code', DEV_TENANT_TOKEN_TTL: String(TTL_SECONDS) });

  forEachBrowser(running, (ctx) => {
    it('admin: logs in with a code, calls the API, profile, admin and token pages, reload, renewal by rotation, logout revokes', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page, context) => {
        const tokens = watchTokenRequests(page, stack);
        // Every request of the tab, its frames' and its token worker's; their URLs keep the fragment.
        const requests: E2eRequest[] = [];
        page.onRequest((request) => requests.push(request));
        const sent = () =>
          requests.filter((r) => r.url().startsWith(`${stack.apiOrigin}/`) && bearerOf(r)).map((r) => bearerOf(r)!);

        await logIn(page, stack, USERS.admin);
        // The code came back in the query and was taken out of the address bar; no token ever was in a URL.
        const back = requests.find((r) => r.url().startsWith(`${stack.appOrigin}/callback?`))?.url() ?? '';
        expect(new URL(back).searchParams.get('code')).toMatch(/^[\w-]{32,}$/);
        expect(page.url()).not.toContain('code=');
        expect((await tokens.grants())[0]).toBe('authorization_code');

        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivateScoped')).status).toBe(200);
        expect((await callApi(page, stack, '#callAdmin')).status).toBe(200);

        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#userInfo');
        await page.waitForSelector('#metadataResult .result-ok');
        await page.goto(`${stack.appOrigin}/admin`);
        await page.waitForSelector('#usersTable tr[data-email="reader@example.com"]');
        await page.goto(`${stack.appOrigin}/token`);
        await page.waitForSelector('#tokenInspector[data-kind="access_token"]');

        // In memory: nothing in storage, the refresh token in auth0-spa-js's worker only.
        const stored = await storedByPage(page, context);
        expect(stored).toContain('dev_tenant_session='); // the check sees the cookies
        expect(stored).not.toMatch(JWT);
        expect(stored).not.toContain('refresh_token');
        await page.reload();
        await page.waitForSelector('#tokenInspector[data-kind="access_token"]');
        expect(await page.innerText('#userName')).toBe('Ada Admin');

        // Renewal before expiry, without a navigation: a refresh_token exchange, then the API gets the newer token.
        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        const first = sent().at(-1)!;
        const refreshes = (await tokens.grants()).filter((grant) => grant === 'refresh_token').length;
        await tokens.waitForRefreshes(refreshes, TTL_SECONDS * 1000);
        await page.waitForFunction(() => !document.querySelector('#qsLoginBtn')); // still logged in
        expect((await callApi(page, stack, '#callPrivate')).status).toBe(200);
        expect(claimsOf(sent().at(-1)!).exp).toBeGreaterThan(claimsOf(first).exp);
        expect(new URL(page.url()).pathname).toBe('/api');

        await logOut(page, stack);
        expect(tokens.revoked()).toBe(1);
        await page.click('#qsLoginBtn');
        await page.waitForURL((url) => url.origin === stack.tenantOrigin);
        await page.waitForSelector('#password');

        expect(requests.map((r) => r.url()).filter((url) => /access_token|id_token/.test(url))).toEqual([]);
        // The API's token goes to the API and the tenant's /userinfo only; the Management API's to /api/v2/ only.
        const managementApi = `${stack.tenantOrigin}/api/v2/`;
        const withToken = requests.filter(bearerOf);
        const toManagementApi = withToken.filter((r) => r.url().startsWith(managementApi));
        expect(toManagementApi.length).toBeGreaterThan(0);
        for (const r of toManagementApi)
          expect(claimsOf(bearerOf(r)!).aud)
            .withContext(r.url())
            .toContain(managementApi);
        for (const token of sent()) expect(claimsOf(token).aud).not.toContain(managementApi);
        const elsewhere = withToken.filter(
          (r) =>
            !r.url().startsWith(`${stack.apiOrigin}/`) &&
            !r.url().startsWith(managementApi) &&
            r.url() !== `${stack.tenantOrigin}/userinfo`,
        );
        expect(elsewhere.map((r) => r.url())).toEqual([]);
        // inContext checks the CSP of every page on the way: the app's (its worker's too), and the tenant's.
      });
    }, 120_000);
  });
});
