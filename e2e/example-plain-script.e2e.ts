// The built plain script (npm run build:lib) in each browser, loaded by <script> tags as an existing
// app loads it: it runs after its three libraries, and the page's own mistakes explain themselves.
import { mkdtempSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildPlainScripts } from '../dev/build-lib/client-lib';
import { libraryFiles } from '../dev/example/example-folder';
import { serveStatic } from '../dev/example/static-server';
import { freePort } from '../testing/free-port';
import type { E2ePage } from './support/driver/e2e-page';
import { inContext } from './support/in-context';
import { forEachBrowser, type StackContext } from './support/use-stack';

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

/** The static site of test pages, and an origin where nothing listens (the API and tenant "down"). */
interface Site {
  origin: string;
  closedOrigin: string;
}

describe('the plain script qs-auth.js in a page (npm run build:lib)', () => {
  let dir: string;
  let server: Server;
  let site: Site;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quickstart-plain-script-'));
    const client = join(dir, 'built');
    await buildPlainScripts(client);
    const folder = join(dir, 'site');
    for (const [target, source] of Object.entries(libraryFiles(client))) {
      mkdirSync(dirname(join(folder, 'lib', target)), { recursive: true });
      cpSync(source, join(folder, 'lib', target));
    }
    const closedOrigin = `http://localhost:${await freePort()}`;
    const [angularJs, auth0Js, angularAuth0, angularJwt, qsAuth] = ORDER;
    const pages: Record<string, string[]> = {
      'ok.html': ORDER,
      'no-auth0.html': [angularJs, angularAuth0, angularJwt, qsAuth],
      'auth0-after.html': [angularJs, angularAuth0, auth0Js, angularJwt, qsAuth],
      'angular-twice.html': [angularJs, ...ORDER],
    };
    for (const [name, scripts] of Object.entries(pages)) writeFileSync(join(folder, name), page(scripts, closedOrigin));
    const port = await freePort();
    server = await serveStatic(folder, port);
    site = { origin: `http://localhost:${port}`, closedOrigin };
  }, 120_000);

  afterAll(() => {
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

  /** Opens `name` in the scenario's browser, with what the console (as `level: text`) and uncaught errors said. */
  async function open(
    ctx: StackContext<Site>,
    name: string,
    run: (page: E2ePage, said: string[]) => Promise<void>,
  ): Promise<void> {
    const { stack, browser } = ctx();
    await inContext(browser, async (tab) => {
      const said: string[] = [];
      tab.onConsole((level, text) => said.push(`${level}: ${text}`));
      tab.onPageError((message) => said.push(`pageerror: ${message}`));
      await tab.goto(`${stack.origin}/${name}`);
      await run(tab, said);
    });
  }

  forEachBrowser(
    () => site,
    (ctx) => {
      it('runs after angular, auth0-js, angular-auth0 and angular-jwt: qs.auth registers and its auth service starts', async () => {
        await open(ctx, 'ok.html', async (tab, said) => {
          await tab.waitForFunction(() => Boolean(angular.element(document.body).injector()));
          expect(
            await tab.evaluate(() => angular.element(document.body).injector()!.get('auth').isAuthenticated()),
          ).toBe(false);
          expect(await tab.evaluate(() => angular.element(document.body).injector()!.get('auth').error)).toBeNull();
          expect(said.filter((line) => /^(error|warn|pageerror)/.test(line))).toEqual([]);
        });
      });

      it('a call to an API that does not answer says so, and names CORS_ORIGINS with this origin', async () => {
        const { closedOrigin, origin } = ctx().stack;
        await open(ctx, 'ok.html', async (tab) => {
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
        await open(ctx, 'no-auth0.html', async (_tab, said) => {
          await line(said, /modulerr/);
          const expected =
            'qs.auth: angular-auth0 is not loaded (auth0-js must be loaded before it, or it fails with "auth0 is not defined"). Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.';
          expect(said).toContain(`error: ${expected}`);
          // AngularJS's own bootstrap error carries the same sentence, not "Module 'auth0.auth0' is not available!".
          const bootstrap = await line(said, /^pageerror:.*modulerr/);
          expect(bootstrap).toContain('Load the scripts in this order');
          expect(said.join('\n')).not.toContain("Module 'auth0.auth0' is not available");
        });
        await open(ctx, 'auth0-after.html', async (_tab, said) => {
          await line(said, /modulerr/);
          expect(said).toContain(
            'error: qs.auth: angular-auth0 is not loaded. Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.',
          );
        });
      });

      it('with AngularJS loaded twice: says so, and what to do', async () => {
        await open(ctx, 'angular-twice.html', async (_tab, said) => {
          const warning = await line(said, /^warn: qs\.auth: AngularJS is loaded twice/);
          expect(warning).toContain('only the first copy runs');
          expect(warning).toContain('load qs-auth.js');
        });
      });
    },
  );
});
