import { isSameSite, siteOf } from './site';

describe('isSameSite (is the tenant a third party to the app?)', () => {
  it("takes subdomains of one registrable domain as one site: a custom domain on the app's site", () => {
    expect(isSameSite('https://app.example.com', 'https://login.example.com')).toBeTrue();
    expect(isSameSite('https://example.com', 'https://login.example.com:8443')).toBeTrue();
    expect(siteOf('https://login.example.com')).toBe('example.com');
  });

  it('takes an Auth0 domain as another site than the app', () => {
    expect(isSameSite('https://app.example.com', 'my-tenant.us.auth0.com')).toBeFalse();
    expect(isSameSite('https://app.example.com', 'https://my-tenant.us.auth0.com')).toBeFalse();
    expect(siteOf('my-tenant.us.auth0.com')).toBe('auth0.com');
  });

  it('compares IP addresses and localhost as whole hosts, ports aside', () => {
    expect(isSameSite('http://localhost:3000', 'http://localhost:3002')).toBeTrue();
    expect(isSameSite('http://localhost:3000', 'http://127.0.0.1:3002')).toBeFalse();
    expect(isSameSite('http://127.0.0.1:3000', 'http://127.0.0.1:3002')).toBeTrue();
    expect(isSameSite('http://10.0.0.1:3000', 'http://10.0.0.2:3000')).toBeFalse();
    expect(isSameSite('http://[::1]:3000', 'http://localhost:3002')).toBeFalse();
  });

  it('ignores case and a trailing dot', () => {
    expect(isSameSite('https://App.Example.COM', 'https://login.example.com.')).toBeTrue();
  });
});
