// Tokens an attacker can send unsigned, or a tenant can sign (an Action copying user-editable
// metadata into the token), and requests shaped to confuse the check, against the real API and a
// real JWKS endpoint: each ends in a refusal that says why, never a crash, a 500 or a stack trace.
import {
  AUDIENCE,
  ISSUER,
  expectInvalidToken,
  startApiUnderTest,
  type ApiUnderTest,
} from '../../testing/api-under-test';
import { base64url, compactJws, jsonWithRaw, nestedArrays, rs256 } from '../../testing/test-keys';

describe('requireAccessToken, against hostile tokens', () => {
  let t: ApiUnderTest;
  const now = () => Math.floor(Date.now() / 1000);
  const privateWith = (bearer: string) => t.call('/api/private', { bearer });

  beforeAll(async () => {
    t = await startApiUnderTest();
  });
  afterAll(() => t.close());

  const claims = () => ({ iss: ISSUER, aud: AUDIENCE, scope: 'read:messages', exp: now() + 60 });
  const header = { alg: 'RS256', typ: 'JWT', kid: 'key-1' };

  for (const depth of [2_400, 4_500]) {
    it(`refuses iss, aud, alg, crit or a signed custom claim nested ${depth} deep as token_too_large, logging nothing`, async () => {
      const logged = spyOn(console, 'error');
      const unsigned = (inHeader: Record<string, string>, inClaims: Record<string, string>) =>
        compactJws(jsonWithRaw(header, inHeader), jsonWithRaw(claims(), inClaims), () => 'not a signature');
      const deep = nestedArrays(depth);
      for (const [name, token] of [
        ['iss', unsigned({}, { iss: deep })],
        ['aud', unsigned({}, { aud: deep })],
        ['alg', unsigned({ alg: deep }, {})],
        ['crit', unsigned({ crit: deep }, {})],
        ['signed, a custom claim', t.token({ rawClaims: { 'https://example.com/meta': deep } })],
      ]) {
        const answer = await privateWith(token);
        expect(answer.status).withContext(`${name}: ${answer.text}`).toBe(401);
        expectInvalidToken(answer, 'token_too_large');
      }
      expect(logged).not.toHaveBeenCalled();
    });
  }

  it('refuses a token longer than the limit, and accepts one with 200 permissions', async () => {
    const permission = (i: number) => `read:resource-number-${i}`;
    const permissions = (count: number) => Array.from({ length: count }, (_, i) => permission(i));
    const large = t.token({ claims: { permissions: permissions(200) } });
    expect(large.length).toBeGreaterThan(6_000);
    expect((await privateWith(large)).status).toBe(200);
    const answer = await privateWith(t.token({ claims: { permissions: permissions(400) } }));
    expectInvalidToken(answer, 'token_too_large');
    expect(answer.body.error_description).toContain('8192');
  });

  it('refuses a signed payload that is a JSON string wrapping the claims (RFC 7519: an object)', async () => {
    const wrapped = JSON.stringify(JSON.stringify(claims()));
    const answer = await privateWith(compactJws(header, wrapped, rs256(t.key)));
    expectInvalidToken(answer, 'malformed_token');
    expect(answer.body.error_description).toContain('not a JSON object');
  });

  it('refuses a signed payload that is not UTF-8, rather than reading it with replacement characters', async () => {
    const [encodedHeader] = t.token().split('.');
    const latin1 = Buffer.from(JSON.stringify({ ...claims(), name: 'Zo\u00eb' }), 'latin1'); // "ë" as one byte, 0xEB
    const input = `${encodedHeader}.${base64url(latin1)}`;
    const answer = await privateWith(`${input}.${base64url(rs256(t.key)(input))}`);
    expectInvalidToken(answer, 'malformed_token');
    expect(answer.body.error_description).toContain('not UTF-8');
  });

  it('refuses a typ other than JWT or at+jwt, and accepts those or none', async () => {
    const answer = await privateWith(t.token({ header: { typ: 'dpop+jwt' } }));
    expectInvalidToken(answer, 'typ_not_allowed');
    expect(answer.body.error_description).toContain('"dpop+jwt"');
    for (const typ of ['at+jwt', 'application/at+JWT', undefined]) {
      expect((await privateWith(t.token({ header: { typ } }))).status)
        .withContext(String(typ))
        .toBe(200);
    }
  });

  it('refuses two Authorization headers with 400 duplicate_header, even when the first is valid', async () => {
    const answer = await t.call('/api/private', { authorizations: [`Bearer ${t.token()}`, 'Bearer other'] });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(jasmine.objectContaining({ error: 'invalid_request', code: 'duplicate_header' }));
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="api", error="invalid_request"/);
  });
});
