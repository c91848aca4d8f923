// The most reported Auth0 SPA problem, measured offline: the tenant on another site than the app
// (DEV_TENANT_HOST=127.0.0.1, the app on localhost), as a real tenant (*.auth0.com) is. On reload,
// checkSession's hidden iframe needs the tenant's session cookie, a third-party cookie there (the dev
// tenant sets it twice, as Auth0 does: SameSite=None; Secure, and a SameSite=Lax fallback no browser
// sends to a cross-site frame). Whether the browser sends it is the browser's policy, measured here:
// - Debian's headless Chromium blocks third-party cookies by default: the session is lost.
// - Firefox (Total Cookie Protection, its default in Standard and Strict tracking protection alike)
//   restores it right after an interactive login: its navigation heuristic gives the tenant its
//   cookies under the app's site once the person typed and clicked on the tenant's page
//   (Sec-Fetch-Storage-Access: active), for 30 days (privacy.restrict3rdpartystorage.expiration_visited).
//   Without that heuristic, once the grant has expired, or with every third-party cookie blocked, the
//   session is lost.
// Lost means the app says why and how to fix it, and Log In (a top-level visit, where the cookie is
// first-party) brings the user back without the password.
import { setTimeout as delay } from 'node:timers/promises';
import type { BrowserName } from '../testing/browsers';
import type { LaunchOptions } from './support/browser';
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { e2eBrowsers, inBrowser, useStack, type StackContext } from './support/use-stack';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

interface Case {
  browser: BrowserName;
  /** How the browser is set up, for the spec's name. */
  setup: string;
  firefoxPrefs?: LaunchOptions['firefoxPrefs'];
  /** Seconds between the login and the reload. */
  waitBeforeReload?: number;
  restored: boolean;
}

// Firefox's own default, pinned: puppeteer's profile changes other privacy settings, not this one.
const TOTAL_COOKIE_PROTECTION = { 'network.cookie.cookieBehavior': 5 };

const CASES: Case[] = [
  { browser: 'chromium', setup: 'its defaults', restored: false },
  {
    browser: 'firefox',
    setup: 'its defaults (Total Cookie Protection)',
    firefoxPrefs: TOTAL_COOKIE_PROTECTION,
    restored: true,
  },
  {
    browser: 'firefox',
    setup: 'the navigation heuristic off',
    firefoxPrefs: { ...TOTAL_COOKIE_PROTECTION, 'privacy.restrict3rdpartystorage.heuristic.navigation': false },
    restored: false,
  },
  {
    browser: 'firefox',
    setup: 'the storage-access grant expired (expiration_visited = 1 s)',
    firefoxPrefs: { ...TOTAL_COOKIE_PROTECTION, 'privacy.restrict3rdpartystorage.expiration_visited': 1 },
    waitBeforeReload: 3,
    restored: false,
  },
  {
    browser: 'firefox',
    setup: 'all third-party cookies blocked',
    firefoxPrefs: { 'network.cookie.cookieBehavior': 1 },
    restored: false,
  },
];

function describeReloadAfterLogin(ctx: StackContext, { waitBeforeReload = 0, restored }: Case): void {
  const outcome = restored
    ? 'a reload right after login restores the session: the hidden frame carried the cookie'
    : 'a reload says the third-party cookie is the likely cause and how to fix it; Log In works without the password';
  it(outcome, async () => {
    const { stack, browser } = ctx();
    expect(stack.tenantOrigin).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await inContext(browser, async (page) => {
      await logIn(page, stack, USERS.reader);
      expect(await page.innerText('#userName')).toBe('Riley Reader');
      await delay(waitBeforeReload * 1000);

      const checkSession = page.waitForResponse(
        (r) => r.url().startsWith(`${stack.tenantOrigin}/authorize?`) && r.url().includes('prompt=none'),
      );
      await page.reload();
      // The tenant has a session (a first-party cookie on 127.0.0.1) either way; did the frame carry it?
      const sent = (await checkSession).request().headers()['cookie'] ?? '';
      if (restored) {
        expect(sent).toContain('dev_tenant_session=');
        await page.waitForSelector('#userName');
        expect(await page.innerText('#userName')).toBe('Riley Reader');
        expect(await page.count('#authError')).toBe(0);
        return;
      }
      expect(sent).not.toContain('dev_tenant_session');
      const text = await page.innerText('#authError');
      expect(text).toMatch(/^Could not restore your session\. login_required: /);
      expect(text).toContain(
        `the tenant (127.0.0.1:${stack.ports.tenant}) is on another site than this app (localhost:${stack.ports.app})`,
      );
      expect(text).toContain('its session cookie is a third-party cookie');
      expect(text).toContain('Firefox does when it blocks all third-party cookies, and otherwise 30 days after');
      expect(text).toContain('custom domain on the app');
      expect(text).toContain('log in again');

      // Log In is a top-level visit to the tenant, where its cookie is first-party: no password asked.
      await page.click('#qsLoginBtn');
      await page.waitForURL((url) => url.origin === stack.appOrigin && !url.pathname.startsWith('/callback'));
      await page.waitForSelector('#userName');
      expect(await page.innerText('#userName')).toBe('Riley Reader');
      expect(await page.count('#authError')).toBe(0);
    });
  });
}

describe('the tenant on another site than the app (DEV_TENANT_HOST=127.0.0.1)', () => {
  const running = useStack({ DEV_TENANT_HOST: '127.0.0.1' });

  for (const c of CASES.filter((c) => e2eBrowsers().includes(c.browser))) {
    describe(`with ${c.setup}`, () => {
      inBrowser(running, c.browser, (ctx) => describeReloadAfterLogin(ctx, c), { firefoxPrefs: c.firefoxPrefs });
    });
  }
});
