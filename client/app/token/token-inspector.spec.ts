import { inspectToken, formatDuration } from './token-inspector';
import type { TokenExpectations } from '../auth/auth.module';
import { fakeJwt, accessToken, idToken, ISSUER } from '../../test/helpers';
import { CASE_AUDIENCE, CASE_ISSUER, TOKEN_KIND_CASES } from '../../../testing/token-cases';

describe('token inspector', () => {
  const expected: TokenExpectations = {
    audience: 'https://quickstarts/api',
    issuer: ISSUER,
    requestedScope: 'openid profile read:messages write:messages',
  };
  const now = Date.now();
  const failed = (token: string | null) =>
    inspectToken(token, expected, now)
      .checks.filter((c) => !c.ok)
      .map((c) => c.label);
  const claims = (extra: object) => ({
    iss: ISSUER,
    aud: ['https://quickstarts/api'],
    scope: 'read:messages write:messages',
    iat: now / 1000 - 10,
    exp: now / 1000 + 3600,
    ...extra,
  });

  it('passes every check for a good access token and shows times as dates', () => {
    const inspection = inspectToken(accessToken(), expected, now);
    expect(inspection.kind).toBe('access_token');
    expect(inspection.checks.every((c) => c.ok)).toBeTrue();
    expect(inspection.header?.['alg']).toBe('RS256');
    expect(inspection.times.map((t) => t.name)).toEqual(['iat', 'exp']);
    expect(inspection.times[1].relative).toMatch(/^in 1 h 59 min|^in 2 h 0 min/);
    expect(inspection.checks.find((c) => c.label === 'Expiry')?.detail).toMatch(/^Expires in /);
  });

  it('flags a missing token', () => {
    expect(inspectToken(null, expected, now).kind).toBe('none');
  });

  it('flags an opaque token and says to request an audience', () => {
    const inspection = inspectToken('8aKq1zYQ0m3opaque', expected, now);
    expect(inspection.kind).toBe('opaque');
    expect(inspection.checks[0].fix).toContain('AUTH0_AUDIENCE');
  });

  it('flags an id_token in place of the access token', () => {
    const inspection = inspectToken(idToken(), expected, now);
    expect(inspection.kind).toBe('id_token');
    expect(inspection.checks[0]).toEqual(jasmine.objectContaining({ ok: false, label: 'Token type' }));
    expect(inspection.checks[0].fix).toContain('accessToken, not idToken');
  });

  describe('tells an id_token from an access token as the API does (the shared cases)', () => {
    const caseExpectations: TokenExpectations = { audience: CASE_AUDIENCE, issuer: CASE_ISSUER, requestedScope: '' };
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
    expect(failed(fakeJwt(claims({ aud: 'https://other/api' })))).toEqual(['Audience']);
  });

  it('checks the issuer exactly, trailing slash included', () => {
    const inspection = inspectToken(fakeJwt(claims({ iss: ISSUER.slice(0, -1) })), expected, now);
    const issuer = inspection.checks.find((c) => c.label === 'Issuer')!;
    expect(issuer.ok).toBeFalse();
    expect(issuer.fix).toContain('trailing slash');
  });

  it('compares requested and granted API scopes', () => {
    const inspection = inspectToken(fakeJwt(claims({ scope: 'read:messages' })), expected, now);
    const scopes = inspection.checks.find((c) => c.label === 'Scopes')!;
    expect(scopes.ok).toBeFalse();
    expect(scopes.detail).toBe(
      'requested read:messages write:messages; granted read:messages; missing write:messages.',
    );
  });

  it('checks expiry, a missing exp, nbf and the algorithm', () => {
    expect(failed(fakeJwt(claims({ exp: now / 1000 - 120 })))).toEqual(['Expiry']);
    expect(
      inspectToken(fakeJwt(claims({ exp: now / 1000 - 120 })), expected, now).checks.find((c) => c.label === 'Expiry')!
        .detail,
    ).toContain('Expired 2 min ago');
    expect(failed(fakeJwt(claims({ exp: undefined })))).toEqual(['Expiry']);
    expect(failed(fakeJwt(claims({ nbf: now / 1000 + 600 })))).toEqual(['Not before']);
    expect(failed(fakeJwt(claims({}), { alg: 'HS256', typ: 'JWT' }))).toEqual(['Algorithm']);
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
    expect(good.checks.every((c) => c.ok)).toBeTrue();
    // The API's token where the Management API's belongs, and a scope the tenant dropped.
    const wrong = inspectToken(token('https://quickstarts/api', 'read:current_user'), forManagement, now);
    expect(wrong.checks.filter((c) => !c.ok).map((c) => [c.label, c.fix])).toEqual([
      ['Audience', `Request it with audience ${management}.`],
      ['Scopes', "A user's token holds the current_user scopes only."],
    ]);
  });

  it('formats durations', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });
});
