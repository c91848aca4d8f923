import type { Expectations } from './token-checks';
import { inspectToken } from './token-inspector';
import { fakeJwt, accessToken, idToken, ISSUER } from '../../test/helpers';
import { CASE_AUDIENCE, CASE_ISSUER, TOKEN_KIND_CASES } from '../../../testing/token-cases';

describe('token inspector', () => {
  const expected: Expectations = {
    audience: 'https://quickstarts/api',
    issuer: ISSUER,
    requestedScope: 'openid profile read:messages write:messages',
  };
  /** What the API publishes on GET /api/token-requirements. */
  const api = { issuer: ISSUER, audience: 'https://quickstarts/api', scopes: ['read:messages', 'write:messages'] };
  const now = Date.now();
  const notOk = (token: string | null, e: Expectations = expected) =>
    inspectToken(token, e, now)
      .checks.filter((c) => c.status !== 'ok')
      .map((c) => `${c.status} ${c.label}`);
  const claims = (extra: object) => ({
    iss: ISSUER,
    aud: ['https://quickstarts/api'],
    scope: 'read:messages write:messages',
    iat: now / 1000 - 10,
    exp: now / 1000 + 3600,
    ...extra,
  });
  const check = (token: string, label: string, e: Expectations = expected) =>
    inspectToken(token, e, now).checks.find((c) => c.label === label)!;

  it('passes every check for a good access token and shows times as dates', () => {
    const inspection = inspectToken(accessToken(), expected, now);
    expect(inspection.kind).toBe('access_token');
    expect(inspection.checks.every((c) => c.status === 'ok')).toBeTrue();
    expect(inspection.header?.['alg']).toBe('RS256');
    expect(inspection.times.map((t) => t.name)).toEqual(['iat', 'exp']);
    expect(inspection.times[1].relative).toMatch(/^in 1 h 59 min|^in 2 h 0 min/);
    expect(check(accessToken(), 'Expiry').detail).toMatch(/^Expires in /);
  });

  it('without a token: you are not logged in, as information, not an error', () => {
    const inspection = inspectToken(null, expected, now);
    expect(inspection.kind).toBe('none');
    expect(inspection.checks).toEqual([jasmine.objectContaining({ status: 'info', label: 'Access token' })]);
    expect(inspection.checks[0].note).toBe('Log in, and the app gets one.');
  });

  it('calls an opaque token opaque and says to request an audience (a dotless token, or a JWE)', () => {
    for (const token of ['8aKq1zYQ0m3opaque8aKq1zYQ0m3opaque', `${btoa('{"alg":"dir","enc":"A256GCM"}')}..iv.ct.tag`]) {
      const inspection = inspectToken(token, expected, now);
      expect(inspection.kind).withContext(token).toBe('opaque');
      expect(inspection.checks.length).toBe(1);
      expect(inspection.checks[0].fix).toContain('AUTH0_AUDIENCE');
    }
  });

  it('calls text that is not a JWT just that, with no advice about audiences', () => {
    for (const text of ['hello world', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig', 'a.b', 'not.a.jwt', '{"sub":"x"}']) {
      const inspection = inspectToken(text, expected, now);
      expect(inspection.kind).withContext(text).toBe('not_jwt');
      expect(inspection.checks.length).toBe(1);
      expect(inspection.checks[0].detail).toMatch(/^This text is not a JWT/);
      expect(inspection.checks[0].fix).not.toContain('AUTH0_AUDIENCE');
    }
  });

  it('gives the id_token one diagnosis and one fix, not one per claim an id_token rightly has', () => {
    const inspection = inspectToken(idToken(), { ...expected, api }, now);
    expect(inspection.kind).toBe('id_token');
    expect(inspection.checks.length).toBe(1);
    expect(inspection.checks[0]).toEqual(jasmine.objectContaining({ status: 'fail', label: 'Token type' }));
    expect(inspection.checks[0].fix).toContain('accessToken, not idToken');
    expect(inspection.times.map((t) => t.name)).toEqual(['iat', 'exp']);
  });

  describe('tells an id_token from an access token as the API does (the shared cases)', () => {
    const caseExpectations: Expectations = { audience: CASE_AUDIENCE, issuer: CASE_ISSUER, requestedScope: '' };
    for (const { name, claims: caseClaims, isIdToken } of TOKEN_KIND_CASES) {
      it(name, () => {
        const token = fakeJwt({
          iss: CASE_ISSUER,
          sub: 'auth0|case',
          iat: now / 1000,
          exp: now / 1000 + 600,
          ...caseClaims,
        });
        expect(inspectToken(token, caseExpectations, now).kind).toBe(isIdToken ? 'id_token' : 'access_token');
      });
    }
  });

  it('checks the audience', () => {
    expect(notOk(fakeJwt(claims({ aud: 'https://other/api' })))).toEqual(['fail Audience']);
  });

  it("compares with the API's audience: an app and an API set up for different audiences is the cause", () => {
    // The token is what the app asked for, so the app's own settings would call it fine.
    const apiElsewhere = { ...api, audience: 'https://the-api' };
    const audience = check(fakeJwt(claims({})), 'Audience', { ...expected, api: apiElsewhere });
    expect(audience.status).toBe('fail');
    expect(audience.detail).toContain('the app requests https://quickstarts/api, but the API expects https://the-api');
    expect(audience.fix).toContain('the same AUTH0_AUDIENCE');
    expect(
      check(fakeJwt(claims({ aud: ['https://the-api'] })), 'Audience', { ...expected, api: apiElsewhere }).status,
    ).toBe('ok');
  });

  it("checks the issuer exactly, trailing slash included, and against the API's", () => {
    const issuer = check(fakeJwt(claims({ iss: ISSUER.slice(0, -1) })), 'Issuer');
    expect(issuer.status).toBe('fail');
    expect(issuer.fix).toContain('trailing slash');
    const other = check(fakeJwt(claims({})), 'Issuer', { ...expected, api: { ...api, issuer: 'https://t.example/' } });
    expect(other.detail).toContain('the app and the API point at different tenants');
  });

  describe('scopes', () => {
    it('a scope RBAC did not grant, with the permissions the token lists: as your roles decide, not an error', () => {
      const reader = fakeJwt(claims({ scope: 'read:messages', permissions: ['read:messages'] }));
      const scopes = check(reader, 'Scopes', { ...expected, api });
      expect(scopes.status).toBe('info');
      expect(scopes.detail).toBe(
        'requested read:messages write:messages; granted read:messages; not granted: write:messages, as your roles decide (they give read:messages). Routes that need it answer you 403, as intended.',
      );
      expect(scopes.fix).toBeUndefined();
      const guest = fakeJwt(claims({ scope: '', permissions: [] }));
      expect(check(guest, 'Scopes').detail).toContain('(they give no permission)');
      expect(notOk(guest)).toEqual(['info Scopes']);
    });

    it('without a permissions claim: says both possible causes, still no error', () => {
      const scopes = check(fakeJwt(claims({ scope: 'read:messages' })), 'Scopes');
      expect(scopes.status).toBe('info');
      expect(scopes.note).toContain('Add Permissions in the Access Token');
    });

    it('a scope the API checks nowhere: a mistake in what the app requests', () => {
      const typo = { ...expected, requestedScope: 'openid read:messages read:mesages', api };
      const scopes = check(fakeJwt(claims({ scope: 'read:messages', permissions: ['read:messages'] })), 'Scopes', typo);
      expect(scopes.status).toBe('fail');
      expect(scopes.detail).toContain('read:mesages requested, but the API checks no such scope');
    });
  });

  it('checks expiry, a missing exp, nbf and the algorithm', () => {
    expect(notOk(fakeJwt(claims({ exp: now / 1000 - 120 })))).toEqual(['fail Expiry']);
    expect(check(fakeJwt(claims({ exp: now / 1000 - 120 })), 'Expiry').detail).toContain('Expired 2 min ago');
    expect(notOk(fakeJwt(claims({ exp: undefined })))).toEqual(['fail Expiry']);
    expect(notOk(fakeJwt(claims({ nbf: now / 1000 + 600 })))).toEqual(['fail Not before']);
    expect(notOk(fakeJwt(claims({}), { alg: 'HS256', typ: 'JWT' }))).toEqual(['fail Algorithm']);
  });

  it("checks the profile's Management API token against the Management API, with its own fixes", () => {
    const management = `${ISSUER}api/v2/`;
    const forManagement = {
      issuer: ISSUER,
      audience: management,
      requestedScope: 'read:current_user update:current_user_metadata',
      audienceFix: `Request it with audience ${management}.`,
      scopeFix: "A user's token holds the current_user scopes only.",
    };
    const token = (aud: string, scope: string) =>
      fakeJwt({ iss: ISSUER, sub: 'auth0|admin', aud, scope, iat: now / 1000, exp: now / 1000 + 600 });
    const good = inspectToken(token(management, 'read:current_user update:current_user_metadata'), forManagement, now);
    expect(good.kind).toBe('access_token');
    expect(good.checks.every((c) => c.status === 'ok')).toBeTrue();
    // The API's token where the Management API's belongs, and a scope the tenant dropped.
    const wrong = inspectToken(token('https://quickstarts/api', 'read:current_user'), forManagement, now);
    expect(wrong.checks.filter((c) => c.status !== 'ok').map((c) => [c.label, c.fix])).toEqual([
      ['Audience', `Request it with audience ${management}.`],
      ['Scopes', "A user's token holds the current_user scopes only."],
    ]);
  });
});
