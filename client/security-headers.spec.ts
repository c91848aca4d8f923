import { contentSecurityPolicy, headerPolicy, securityHeaders, tenantOrigin } from './security-headers';

/** The policy as a map: directive → its sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the content security policy', () => {
  const realTenant = { domain: 'my-tenant.us.auth0.com', apiOrigin: 'https://api.example.com/' };
  const devTenant = { domain: 'http://127.0.0.1:4102', apiOrigin: 'http://localhost:4101' };

  it("names the configuration's tenant and API origins, and nothing else outside the app", () => {
    const policy = parse(contentSecurityPolicy(realTenant));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://my-tenant.us.auth0.com', 'https://api.example.com']);
    expect(policy.get('frame-src')).toEqual(['https://my-tenant.us.auth0.com']);
    const local = parse(contentSecurityPolicy(devTenant));
    expect(local.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4102', 'http://localhost:4101']);
    expect(local.get('frame-src')).toEqual(['http://127.0.0.1:4102']);
  });

  it('allows only its own scripts and styles: nothing inline, no eval', () => {
    const policy = parse(contentSecurityPolicy(realTenant));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('refuses framing in the header, and leaves frame-ancestors out of the meta form that cannot carry it', () => {
    expect(parse(contentSecurityPolicy(realTenant)).get('frame-ancestors')).toEqual(["'none'"]);
    const meta = contentSecurityPolicy(realTenant, { forMeta: true });
    expect(meta).not.toContain('frame-ancestors');
    expect(headerPolicy(meta)).toBe(contentSecurityPolicy(realTenant));
  });

  it("adds the dev server's live-reload websocket only when given", () => {
    expect(contentSecurityPolicy(realTenant)).not.toContain('ws:');
    const dev = parse(contentSecurityPolicy({ ...devTenant, liveReload: 'ws://localhost:4100' }));
    expect(dev.get('connect-src')).toContain('ws://localhost:4100');
  });

  it('reads the tenant as a bare host (https) or an origin', () => {
    expect(tenantOrigin('my-tenant.us.auth0.com')).toBe('https://my-tenant.us.auth0.com');
    expect(tenantOrigin('https://login.example.com/')).toBe('https://login.example.com');
    expect(tenantOrigin('http://localhost:3002')).toBe('http://localhost:3002');
  });

  it('comes with the headers that refuse framing and sniffing', () => {
    expect(securityHeaders('x')).toEqual({
      'Content-Security-Policy': 'x',
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
