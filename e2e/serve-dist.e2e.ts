// The production build as a static host serves it (`npm run serve-dist`), next to the dev tenant and
// the API: the same login and API calls as the dev server, under the build's own policy.
import { APP_PATHS, directives, expectFramingRefused, expectSecurityHeaders } from './headers';
import { startDistStack } from './support/dist-stack';
import { callApi, logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { forEachBrowser, useStack } from './support/use-stack';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

describe('a production build served by npm run serve-dist', () => {
  const running = useStack({}, startDistStack);

  it('answers app routes with index.html and the headers, hashed files with a long cache, a missing file with 404', async () => {
    const stack = running();
    let indexHtml = '';
    for (const path of APP_PATHS) {
      const response = await fetch(stack.appOrigin + path);
      expect(response.status).withContext(path).toBe(200);
      expect(response.headers.get('cache-control')).withContext(path).toBe('no-cache');
      expectSecurityHeaders(response.headers, stack, path);
      indexHtml = await response.text();
    }
    // The header is the build's own policy (its meta) plus what only a header can carry.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(indexHtml)?.[1];
    expect(directives(meta ?? null).get('connect-src')).toContain(stack.tenantOrigin);
    const header = (await fetch(stack.appOrigin)).headers.get('content-security-policy');
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    expect(header).not.toContain('ws:'); // no dev server here

    const script = /src="(\/main\.[0-9a-f]{8}\.js)"/.exec(indexHtml)?.[1];
    expect(script).toBeDefined();
    const hashed = await fetch(stack.appOrigin + script);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${stack.appOrigin}/main.00000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toMatch(/html/);
  });

  forEachBrowser(running, (ctx) => {
    it('another site cannot frame the app', async () => {
      const { stack, browser } = ctx();
      await expectFramingRefused(browser, stack);
    });

    it('shows the home page under one nav bar, logs in, calls the API, restores on reload: no CSP violation', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await page.goto(stack.appOrigin);
        await page.waitForSelector('#qsLoginBtn');
        expect(await page.count('header.topbar')).toBe(1);
        expect(await page.innerText('main h1')).toBe('AngularJS + Auth0 + an API');

        await logIn(page, stack, USERS.reader);
        await page.goto(`${stack.appOrigin}/api`);
        expect((await callApi(page, stack, '#callPrivateScoped')).status).toBe(200);
        const admin = await callApi(page, stack, '#callAdmin');
        expect(admin.status).toBe(403);
        expect(admin.text).toMatch(/insufficient_scope[\s\S]*write:messages/);

        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#userInfo');
        // The second token and the Management API, from the production bundle too.
        await page.waitForText('#metadataResult', /Read: favorite_color is "blue"/);
        await page.reload();
        await page.waitForSelector('#userInfo');
        expect(await page.innerText('#userName')).toBe('Riley Reader');
      });
    });
  });
});
