// docs/known-vulnerabilities.md says, for each published advisory against AngularJS 1.8.3 and the
// other runtime libraries, whether the app and the copyable module use the affected API. These are
// those claims, checked against the code: they fail the day a template or a dependency changes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentSecurityPolicy } from '../client/security-headers';

const root = resolve(__dirname, '..');

/** The app's and the example's code and templates (specs and test helpers aside). */
function shippedFiles(): { path: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return [...walk(join(root, 'client')), ...walk(join(root, 'examples'))]
    .filter((file) => /\.(ts|js|html)$/.test(file) && !/\.spec\.ts$/.test(file) && !file.includes('/client/test/'))
    .map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') }));
}

/** The advisories whose affected API the code must not use, and how to recognise a use. */
const NOT_USED: Record<string, RegExp> = {
  'ngSanitize, $sanitize, ng-bind-html, linky (CVE-2025-2336, CVE-2025-4690)':
    /ngSanitize|angular-sanitize|\$sanitize|ng-bind-html|linky/,
  'srcset, ng-srcset, <source> (CVE-2024-21490, CVE-2024-8372, CVE-2024-8373)': /srcset|<source\b/i,
  'SVG <image> href, xlink:href (CVE-2025-0716)': /<image\b|xlink:href/i,
  '$resource (CVE-2023-26117)': /ngResource|angular-resource|\$resource/,
  'angular.copy (CVE-2023-26116)': /angular\.copy\s*\(/,
  'input type=url (CVE-2023-26118)': /type\s*=\s*["']?url\b/i,
  'custom locale number formats (CVE-2022-25844)': /NUMBER_FORMATS|angular-i18n|ngLocale/,
  'interpolation inside <textarea> (CVE-2022-25869)': /<textarea[^>]*>[^<]*\{\{/i,
  'custom $sce resource URL lists, trustAs* (CVE-2026-11998)':
    /resourceUrlWhitelist|trustedResourceUrlList|\$sceDelegateProvider|trustAsResourceUrl|trustAsHtml|trustAsUrl/,
};

describe('docs/known-vulnerabilities.md: the claims code can check', () => {
  const files = shippedFiles();

  it('reads the app and the example', () => {
    expect(files.some((f) => f.path === 'client/app/auth/auth.module.ts')).toBeTrue();
    expect(files.some((f) => f.path === 'examples/plain-scripts/index.html')).toBeTrue();
  });

  for (const [api, use] of Object.entries(NOT_USED)) {
    it(`neither the app nor the example uses ${api}`, () => {
      expect(files.filter((f) => use.test(f.text)).map((f) => f.path)).toEqual([]);
    });
  }

  it('installs auth0-js 10 everywhere (CVE-2026-42280 is fixed only there), and neither angular-sanitize nor angular-resource', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const auth0Js = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/auth0-js$/.test(path));
    expect(auth0Js.length).toBeGreaterThan(0);
    for (const [path, { version }] of auth0Js)
      expect(Number(version?.split('.')[0]))
        .withContext(path)
        .toBeGreaterThanOrEqual(10);
    expect(
      Object.keys(lock.packages).filter((path) => /node_modules\/angular-(sanitize|resource)$/.test(path)),
    ).toEqual([]);
    expect(lock.packages['node_modules/angular']?.version).toBe('1.8.3'); // the version the table is about
  });

  it("the app's policy allows no inline script and no eval, so an injected expression or markup cannot run script", () => {
    const policy = contentSecurityPolicy({ domain: 'my-tenant.us.auth0.com', apiOrigin: 'https://api.example.com' });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
  });
});
