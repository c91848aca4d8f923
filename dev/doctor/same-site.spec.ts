import { loadConfig } from '../../config/load-config';
import { checkSameSite } from './same-site';

describe('doctor: same site', () => {
  it("is ok with the dev tenant on localhost, the app's site", () => {
    expect(checkSameSite(loadConfig({}))).toMatch(
      /^ok +same site: the tenant \(localhost:3002\) and the app \(localhost:3000\) are one site/,
    );
  });

  it('warns, with the fix, for a tenant on another site: a real Auth0 domain, or the dev tenant on 127.0.0.1', () => {
    const real = loadConfig({
      AUTH0_DOMAIN: 'my-tenant.us.auth0.com',
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: 'https://a',
    });
    for (const config of [real, loadConfig({ DEV_TENANT_HOST: '127.0.0.1' })]) {
      const [line, fix] = checkSameSite(config).split('\n');
      expect(line).toMatch(
        /^warn same site: the tenant \(.+\) is on another site than the app \(localhost:3000\): .*third-party cookie/,
      );
      expect(line).toContain('every reload logs the user out');
      expect(line).toContain(
        "Firefox when it blocks all of them, or 30 days after the user's last login on the tenant's page",
      );
      expect(line).not.toContain('strict mode');
      expect(fix).toBe(
        "     fix: give the tenant a custom domain on the app's site (e.g. login.example.com for app.example.com) and set AUTH0_DOMAIN to it; until then, users log in again after each reload.",
      );
    }
  });

  it("is ok for a custom domain on the app's site", () => {
    const config = { appOrigin: 'https://app.example.com', domain: 'https://login.example.com' } as const;
    expect(checkSameSite({ ...config, authFlow: 'implicit', authCache: 'memory' })).toMatch(/^ok /);
  });

  it('is ok on another site for the code flow keeping its refresh token in localStorage, which a reload uses instead', () => {
    const line = checkSameSite(
      loadConfig({ DEV_TENANT_HOST: '127.0.0.1', AUTH_FLOW: 'code', AUTH_CACHE: 'localstorage' }),
    );
    expect(line).toMatch(/^ok +same site: the tenant \(127\.0\.0\.1:3002\) is on another site than the app/);
    expect(line).toContain('restores a session on reload with its refresh token');
    // In memory, a reload needs the iframe and its cookie, as with the implicit flow.
    expect(checkSameSite(loadConfig({ DEV_TENANT_HOST: '127.0.0.1', AUTH_FLOW: 'code' }))).toMatch(/^warn /);
  });
});
