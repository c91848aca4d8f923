// The built plain script (npm run build:lib) in Chromium, loaded by <script> tags as an existing app
// loads it: it runs after its three libraries, and the page's own mistakes explain themselves.
import { mkdtempSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildPlainScripts } from '../dev/build-lib/client-lib';
import { libraryFiles } from '../dev/example/example-folder';
import { serveStatic } from '../dev/example/static-server';
import { freePort } from '../testing/free-port';
import { launchChromium } from './support/browser';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;

const ORDER = [
  'lib/angular/angular.js',
  'lib/auth0-js/dist/auth0.min.js',
  'lib/angular-auth0/dist/angular-auth0.js',
  'lib/angular-jwt/dist/angular-jwt.js',
  'lib/qs-angularjs-auth/qs-auth.js',
];

/** A page that loads `scripts` in that order, then an app module that depends on qs.auth. */
function page(scripts: string[], closedOrigin: string): string {
  const tags = scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>page</title>
${tags}
<script>
  angular.module('page', ['qs.auth']).config(['authProvider', function (authProvider) {
    authProvider.configure({
      domain: '${closedOrigin}',
      clientID: 'local-dev-spa',
      audience: 'https://quickstarts/api',
      scope: 'openid read:messages',
      apiOrigin: '${closedOrigin}',
      redirectUri: location.origin + '/ok.html',
    });
  }]);
</script></head><body ng-app="page" ng-strict-di><main>page</main></body></html>`;
}

interface PageAuth {
  error: string | null;
  isAuthenticated(): boolean;
}
interface PageInjector {
  get(name: 'auth'): PageAuth;
  get(name: '$http'): { get(url: string): PromiseLike<unknown> };
}
declare const angular: { element(node: Element): { injector(): PageInjector | undefined } };

describe('the plain script qs-auth.js in a page (npm run build:lib)', () => {
  let dir: string;
  let server: Server;
  let origin = '';
  let closedOrigin = '';
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quickstart-plain-script-'));
    const client = join(dir, 'built');
    await buildPlainScripts(client);
    const site = join(dir, 'site');
    for (const [target, source] of Object.entries(libraryFiles(client))) {
      mkdirSync(dirname(join(site, 'lib', target)), { recursive: true });
      cpSync(source, join(site, 'lib', target));
    }
    closedOrigin = `http://localhost:${await freePort()}`; // nothing listens: the API and tenant are "down"
    const [angularJs, auth0Js, angularAuth0, angularJwt, qsAuth] = ORDER;
    const pages: Record<string, string[]> = {
      'ok.html': ORDER,
      'no-auth0.html': [angularJs, angularAuth0, angularJwt, qsAuth],
      'auth0-after.html': [angularJs, angularAuth0, auth0Js, angularJwt, qsAuth],
      'angular-twice.html': [angularJs, ...ORDER],
    };
    for (const [name, scripts] of Object.entries(pages)) writeFileSync(join(site, name), page(scripts, closedOrigin));
    const port = await freePort();
    server = await serveStatic(site, port);
    origin = `http://localhost:${port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    server?.closeAllConnections();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The first line `said` holds that matches, once the page has said it (console events arrive after load). */
  async function line(said: string[], pattern: RegExp): Promise<string | undefined> {
    for (let waited = 0; waited < 5000; waited += 50) {
      const found = said.find((l) => pattern.test(l));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  }

  /** Opens `name`, with what the console and uncaught errors said. */
  async function open(name: string, run: (page: Page, said: string[]) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const said: string[] = [];
      tab.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
      await tab.goto(`${origin}/${name}`);
      await run(tab, said);
    } finally {
      await context.close();
    }
  }

  it('runs after angular, auth0-js, angular-auth0 and angular-jwt: qs.auth registers and its auth service starts', async () => {
    await open('ok.html', async (tab, said) => {
      await tab.waitForFunction(() => Boolean(angular.element(document.body).injector()));
      expect(await tab.evaluate(() => angular.element(document.body).injector()!.get('auth').isAuthenticated())).toBe(
        false,
      );
      expect(await tab.evaluate(() => angular.element(document.body).injector()!.get('auth').error)).toBeNull();
      expect(said.filter((line) => /^(error|warning|pageerror)/.test(line))).toEqual([]);
    });
  });

  it('a call to an API that does not answer says so, and names CORS_ORIGINS with this origin', async () => {
    await open('ok.html', async (tab) => {
      await tab.waitForFunction(() => Boolean(angular.element(document.body).injector()));
      const statusText = await tab.evaluate(
        (api) =>
          new Promise<string>((done) => {
            const http = angular.element(document.body).injector()!.get('$http');
            http.get(`${api}/api/private`).then(
              () => done('answered'),
              (response: unknown) => done((response as { statusText: string }).statusText),
            );
          }),
        closedOrigin,
      );
      expect(statusText).toBe(
        `No answer from the API at ${closedOrigin}: it is down, or its CORS policy does not allow ${origin} (the browser then hides the answer). Start it, and add ${origin} to its CORS_ORIGINS.`,
      );
    });
  });

  it('without auth0-js before angular-auth0: one message naming the script order, also in the bootstrap error', async () => {
    await open('no-auth0.html', async (_tab, said) => {
      await line(said, /modulerr/);
      const expected =
        'qs.auth: angular-auth0 is not loaded (auth0-js must be loaded before it, or it fails with "auth0 is not defined"). Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.';
      expect(said).toContain(`error: ${expected}`);
      // AngularJS's own bootstrap error carries the same sentence, not "Module 'auth0.auth0' is not available!".
      const bootstrap = await line(said, /^pageerror:.*modulerr/);
      expect(bootstrap).toContain('Load the scripts in this order');
      expect(said.join('\n')).not.toContain("Module 'auth0.auth0' is not available");
    });
    await open('auth0-after.html', async (_tab, said) => {
      await line(said, /modulerr/);
      expect(said).toContain(
        'error: qs.auth: angular-auth0 is not loaded. Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.',
      );
    });
  });

  it('with AngularJS loaded twice: says so, and what to do', async () => {
    await open('angular-twice.html', async (_tab, said) => {
      const warning = await line(said, /^warning: qs\.auth: AngularJS is loaded twice/);
      expect(warning).toContain('only the first copy runs');
      expect(warning).toContain('load qs-auth.js');
    });
  });
});
