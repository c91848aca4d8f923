// The explanations a person reads, for the failures people report most: a session lost to blocked
// third-party cookies, an audience the tenant does not know, a /userinfo call that fails.
import { Authentication, type Auth0Error } from 'auth0-js';
import { AUTH_MESSAGES, userInfoError, type AuthPlaces } from './auth.messages';

const crossSite: AuthPlaces = { appOrigin: 'https://app.example.com', tenantOrigin: 'https://my-tenant.us.auth0.com' };
const customDomain: AuthPlaces = { appOrigin: 'https://app.example.com', tenantOrigin: 'https://login.example.com' };
const devTenant: AuthPlaces = { appOrigin: 'http://localhost:3000', tenantOrigin: 'http://localhost:3002' };
const loginRequired = { error: 'login_required', error_description: 'Login required' };

describe('auth messages', () => {
  describe('a session that could not be restored or renewed (login_required)', () => {
    it('with the tenant on another site: blames third-party cookies as the likely cause, and gives the fix', () => {
      const text = AUTH_MESSAGES.restoreFailed(loginRequired, crossSite);
      expect(text).toMatch(/^Could not restore your session\. login_required: /);
      expect(text).toContain('the tenant (my-tenant.us.auth0.com) is on another site than this app (app.example.com)');
      expect(text).toContain('its session cookie is a third-party cookie');
      expect(text).toContain('most likely blocks third-party cookies');
      // Firefox restores the session for 30 days after a login typed on the tenant's page (its
      // storage-access heuristic), so only these cases lose it there.
      expect(text).toContain(
        "Firefox does when it blocks all third-party cookies, and otherwise 30 days after your last login on the tenant's page.",
      );
      expect(text).not.toContain('strict mode');
      expect(text).toContain('custom domain on the app');
      expect(text).toContain('login.example.com for app.example.com');
      expect(text).toContain('log in again after each reload');
      expect(AUTH_MESSAGES.renewalFailed(loginRequired, crossSite)).toMatch(
        /^Your session ended: the token could not be renewed\. login_required: the tenant \(my-tenant\.us\.auth0\.com\) is on another site/,
      );
    });

    it('with IPs and localhost, compares the hosts themselves', () => {
      const places = { appOrigin: 'http://localhost:3000', tenantOrigin: 'http://127.0.0.1:3002' };
      expect(AUTH_MESSAGES.restoreFailed(loginRequired, places)).toContain(
        'the tenant (127.0.0.1:3002) is on another site than this app (localhost:3000)',
      );
    });

    it("with the tenant on the app's site (a custom domain, the dev tenant): no third-party cookie to blame", () => {
      for (const places of [customDomain, devTenant]) {
        const text = AUTH_MESSAGES.restoreFailed(loginRequired, places);
        expect(text).toMatch(/^Could not restore your session\. login_required: no session at the tenant/);
        expect(text).not.toContain('another site');
      }
    });

    it('other failures keep their own explanation, wherever the tenant is', () => {
      expect(AUTH_MESSAGES.restoreFailed({ error: 'timeout' }, crossSite)).toMatch(
        /^Could not restore your session\. timeout: .*Allowed Web Origin/,
      );
      expect(AUTH_MESSAGES.renewalFailed({ error: 'consent_required' }, crossSite)).toContain('consent');
    });
  });

  describe('a login refused with "Service not found"', () => {
    it('says the audience must be the Identifier of an API that exists in the tenant', () => {
      const text = AUTH_MESSAGES.loginFailed({
        error: 'access_denied',
        errorDescription: 'Service not found: https://wrong/api',
      });
      expect(text).toBe(
        'Login failed. access_denied: the tenant has no API with the identifier "https://wrong/api". The audience the app requests (AUTH0_AUDIENCE in this sample) must equal the API\'s Identifier exactly, and that API must exist in this tenant (Auth0 dashboard > Applications > APIs).',
      );
      // checkSession gets the same answer for the same mistake.
      expect(
        AUTH_MESSAGES.restoreFailed({ error: 'access_denied', error_description: 'Service not found: x' }, crossSite),
      ).toContain("must equal the API's Identifier");
      expect(AUTH_MESSAGES.loginFailed({ error: 'access_denied', errorDescription: 'User is blocked' })).toBe(
        'Login failed. access_denied: User is blocked',
      );
    });
  });

  describe('a failed /userinfo', () => {
    /** auth0-js 9's own error for a request that got no readable answer (nothing listens there). */
    function realNetworkFailure(): Promise<Partial<Auth0Error>> {
      const client = new Authentication({ domain: 'http://localhost:3902', clientID: 'spec-client' });
      return new Promise((resolve) => client.userInfo('a-token', (err) => resolve(err as Partial<Auth0Error>)));
    }

    it("no answer (network, or CORS because the origin is not an Allowed Web Origin): says so, keeps auth0-js's fields", async () => {
      const err = await realNetworkFailure();
      expect(err.statusCode).toBeUndefined(); // the shape the old page showed as "error: userinfo failed"
      const failure = userInfoError(err, devTenant);
      expect(failure.message).toMatch(
        /^Could not read your profile from \/userinfo: the browser could not read the tenant's answer \(a network or CORS failure\)/,
      );
      expect(failure.message).toContain("this app's origin (http://localhost:3000) is not an Allowed Web Origin");
      expect(failure.message).toContain('localhost:3002 cannot be reached');
      expect(failure.original).toBe(err.original);
    });

    it('401: the token is not valid for /userinfo (openid scope, tenant, expiry)', () => {
      // auth0-js's error for a 401 with a JSON body (the dev tenant), and for Auth0's plain-text "Unauthorized".
      const json = { statusCode: 401, code: 'invalid_token', description: 'The access token is invalid.' };
      expect(userInfoError(json, crossSite).message).toBe(
        "Could not read your profile from /userinfo: 401 invalid_token: The access token is invalid. The access token is not valid for /userinfo: it must come from this tenant, must not have expired, and the login must ask for the openid scope (the token's aud then includes https://my-tenant.us.auth0.com/userinfo).",
      );
      const text = { statusCode: 401, statusText: 'Unauthorized', code: undefined, description: undefined };
      expect(userInfoError(text, crossSite).message).toMatch(
        /^Could not read your profile from \/userinfo: 401\. The access token is not valid for \/userinfo/,
      );
      expect(userInfoError(json, crossSite).statusCode).toBe(401);
    });

    it('429: the tenant rate-limits /userinfo; read the id_token claims instead', () => {
      const err = { statusCode: 429, code: 'too_many_requests', description: 'Too Many Requests' };
      expect(userInfoError(err, crossSite).message).toContain('auth.getClaims()');
    });

    it('not logged in, and any other answer, in one line', () => {
      expect(userInfoError({ error: 'login_required', errorDescription: 'not logged in' }, crossSite).message).toBe(
        'Could not read your profile from /userinfo: login_required: not logged in.',
      );
      expect(userInfoError({ statusCode: 500, code: 'server_error', description: 'Oops.' }, crossSite).message).toBe(
        'Could not read your profile from /userinfo: 500 server_error: Oops.',
      );
    });
  });
  it('explains an HS256 id_token (auth0-js 10 refuses it): no session, and the tenant setting', () => {
    const refused = {
      error: 'invalid_token',
      errorDescription:
        'Signature algorithm of "HS256" is not supported. Expected the ID token to be signed with "RS256".',
    };
    expect(AUTH_MESSAGES.loginFailed(refused)).toBe(
      "Login failed. invalid_token: the id_token is signed with HS256, which a browser cannot verify; no session was started. If your tenant issued it, set the application's JSON Web Token Signature Algorithm to RS256 (Advanced Settings > OAuth).",
    );
  });
});
