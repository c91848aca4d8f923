// Firefox requests every page's icon, under the page's own Content-Security-Policy (headless Chromium
// never asks). A tenant page with no icon of its own makes Firefox fetch /favicon.ico, which
// `default-src 'none'` blocks: a CSP violation at every login. Each page names an icon its policy allows.
import { authorizeUrl, get, startLogin } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

/** The icon a browser loads for `html`: the one it declares, or the origin's /favicon.ico. */
function iconOf(html: string, pageUrl: string): URL {
  const declared = /<link rel="icon" href="([^"]*)">/.exec(html)?.[1];
  return new URL(declared ?? '/favicon.ico', pageUrl);
}

/** Whether the policy's img-src (or default-src) lets `icon` load on a page of `pageOrigin`. */
function policyAllows(policy: string, icon: URL, pageOrigin: string): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([n, ...s]) => [n, s]),
  );
  const sources = directives.get('img-src') ?? directives.get('default-src') ?? [];
  if (icon.protocol === 'data:') return sources.includes('data:');
  return sources.includes(icon.origin) || (icon.origin === pageOrigin && sources.includes("'self'"));
}

describe('dev tenant pages and their icon', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  async function expectIconAllowed(url: string): Promise<void> {
    const response = await get(url);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    const icon = iconOf(await response.text(), url);
    expect(policyAllows(policy, icon, new URL(url).origin))
      .withContext(`${url}: icon ${icon.href} under "${policy}"`)
      .toBeTrue();
  }

  it('the login page names an icon its policy allows', async () => {
    await expectIconAllowed(`${tenant.url}/login?tx=${await startLogin(tenant)}`);
  });

  it('so do the error pages', async () => {
    await expectIconAllowed(authorizeUrl(tenant, { client_id: 'someone-else' }));
  });
});
