// The tenant as auth0-js needs it: the issuer we compute must be the one the real WebAuth expects,
// or every login ends in an `iss` mismatch.
import { WebAuth } from 'auth0-js';
import { resolveOptions, type AuthOptions } from './auth.options';

const base: AuthOptions = {
  domain: 'my-tenant.us.auth0.com',
  clientID: 'abc',
  audience: 'https://quickstarts/api',
  scope: 'openid profile',
  apiOrigin: 'https://api.example.com/',
};

/**
 * What auth0-js itself will check the id_token's `iss` against, for these options. A contract test
 * on auth0-js 9, and the only place the specs read its internals (WebAuth's private `baseOptions`):
 * it pins the bug where an https origin given as `domain` made auth0-js expect `https://https://...`
 * and fail every login.
 */
function issuerExpectedByAuth0Js(options: AuthOptions): string {
  const resolved = resolveOptions(options, 'https://app.example.com');
  const webAuth = new WebAuth({
    domain: resolved.domain,
    clientID: resolved.clientID,
    ...(resolved.overrides ? { overrides: resolved.overrides } : {}),
  });
  return (webAuth as unknown as { baseOptions: { token_issuer: string } }).baseOptions.token_issuer;
}

describe('resolveOptions', () => {
  it('accepts an Auth0 tenant as a host or as an https origin, and gives auth0-js the bare host', () => {
    for (const domain of [
      'my-tenant.us.auth0.com',
      'https://my-tenant.us.auth0.com',
      'https://my-tenant.us.auth0.com/',
    ]) {
      const resolved = resolveOptions({ ...base, domain }, 'https://app.example.com');
      expect(resolved.domain).withContext(domain).toBe('my-tenant.us.auth0.com');
      expect(resolved.issuer).withContext(domain).toBe('https://my-tenant.us.auth0.com/');
      expect(issuerExpectedByAuth0Js({ ...base, domain }))
        .withContext(domain)
        .toBe(resolved.issuer);
    }
  });

  it('keeps a local http tenant as an origin, with the issuer override', () => {
    const local = { ...base, domain: 'http://localhost:3002', overrides: { __token_issuer: 'http://localhost:3002/' } };
    expect(resolveOptions(local, 'http://localhost:3000').issuer).toBe('http://localhost:3002/');
    expect(issuerExpectedByAuth0Js(local)).toBe('http://localhost:3002/');
  });

  it("fills in a local http tenant's issuer when no override is given", () => {
    const local = { ...base, domain: 'http://127.0.0.1:4100/' };
    expect(resolveOptions(local, 'http://localhost:3000').overrides).toEqual({
      __token_issuer: 'http://127.0.0.1:4100/',
    });
    expect(issuerExpectedByAuth0Js(local)).toBe('http://127.0.0.1:4100/');
    expect(resolveOptions(base, 'http://localhost:3000').overrides).toBeUndefined();
  });

  it('defaults the callback and logout URLs to the app origin, and keeps only the API origin', () => {
    const resolved = resolveOptions(base, 'https://app.example.com');
    expect(resolved.redirectUri).toBe('https://app.example.com/callback');
    expect(resolved.logoutReturnTo).toBe('https://app.example.com');
    expect(resolved.apiOrigin).toBe('https://api.example.com');
  });

  it('refuses a local tenant given without its scheme, naming the http://localhost:PORT form', () => {
    for (const domain of ['localhost:3002', '127.0.0.1:3002', 'localhost:3002/']) {
      expect(() => resolveOptions({ ...base, domain }, 'http://localhost:8000'))
        .withContext(domain)
        .toThrowError(
          /has no scheme, so auth0-js would use https:\/\/ \(ERR_SSL_PROTOCOL_ERROR\)\. For a local tenant write domain: 'http:\/\/(localhost|127\.0\.0\.1):3002'\.$/,
        );
    }
  });

  it('names a missing setting', () => {
    expect(() => resolveOptions({ ...base, audience: '' }, 'https://app.example.com')).toThrowError(
      /"audience" is required/,
    );
  });
});
