// Decoding the token's header and payload strictly and within limits, without HTTP or keys: tokens
// are built here from raw bytes, the signature part is never read.
import { AuthError } from './auth-errors';
import { decodeToken, MAX_NESTING_DEPTH } from './token-decoding';

const part = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64url');
const HEADER = part('{"alg":"RS256","typ":"JWT","kid":"key-1"}');
const PAYLOAD = part('{"iss":"https://tenant.example.com/","aud":["https://quickstarts/api"],"exp":1750000000}');
const token = (header: string, payload: string) => `${header}.${payload}.c2lnbmF0dXJl`;
const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function refusal(jwt: string): AuthError {
  try {
    decodeToken(jwt);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('the token was decoded');
}

describe('decodeToken', () => {
  it('returns the header and the claims as plain objects', () => {
    expect(decodeToken(token(HEADER, PAYLOAD))).toEqual({
      header: { alg: 'RS256', typ: 'JWT', kid: 'key-1' },
      payload: { iss: 'https://tenant.example.com/', aud: ['https://quickstarts/api'], exp: 1750000000 },
    });
  });

  it('reads text beyond ASCII when it is UTF-8', () => {
    const name = 'Zo\u00eb \u{1F600} \u5c71';
    expect(decodeToken(token(HEADER, part(JSON.stringify({ name })))).payload.name).toBe(name);
  });

  describe('says malformed_token (RFC 7519 section 7.2)', () => {
    it('for a payload that is a JSON string wrapping the claims, which jsonwebtoken would parse a second time', () => {
      const wrapped = part(JSON.stringify(Buffer.from(PAYLOAD, 'base64url').toString()));
      const error = refusal(token(HEADER, wrapped));
      expect(error.code).toBe('malformed_token');
      expect(error.description).toContain('its payload is not a JSON object');
    });

    it('for a header or payload that is JSON but not an object', () => {
      for (const json of ['[]', '"RS256"', '42', 'null', 'true']) {
        expect(refusal(token(part(json), PAYLOAD)).description)
          .withContext(json)
          .toContain('its header is not a JSON object');
        expect(refusal(token(HEADER, part(json))).description)
          .withContext(json)
          .toContain('its payload is not a JSON object');
      }
    });

    it('for bytes that are not UTF-8, rather than replacing them', () => {
      const latin1 = part(Buffer.from('{"iss":"https://tenant.example.com/","name":"Zo\xeb"}', 'latin1'));
      expect(refusal(token(HEADER, latin1)).description).toContain('its payload is not UTF-8');
      const overlong = part(Buffer.concat([Buffer.from('{"kid":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
      expect(refusal(token(overlong, PAYLOAD)).description).toContain('its header is not UTF-8');
    });

    it('for text that is not JSON, a byte order mark included', () => {
      expect(refusal(token(HEADER, part('{"iss": '))).description).toContain('its payload is not JSON');
      expect(refusal(token(part('\ufeff{"alg":"RS256"}'), PAYLOAD)).description).toContain('its header is not JSON');
    });

    it('for a part that is not base64url (padding, "+" or "/": Buffer would skip them silently)', () => {
      for (const bad of [`${PAYLOAD}=`, `${PAYLOAD.slice(0, -1)}+`, `/${PAYLOAD}`, '']) {
        expect(refusal(token(HEADER, bad)).description)
          .withContext(bad)
          .toContain('its payload is not base64url');
      }
    });
  });

  describe('nesting', () => {
    const withClaim = (json: string) => token(HEADER, part(`{"iss":"https://tenant.example.com/","custom":${json}}`));

    it(`accepts objects and arrays nested ${MAX_NESTING_DEPTH} deep, the payload object included`, () => {
      expect(() => decodeToken(withClaim(arrays(MAX_NESTING_DEPTH - 1)))).not.toThrow();
      expect(() => decodeToken(withClaim(`{"a":${arrays(MAX_NESTING_DEPTH - 2)}}`))).not.toThrow();
    });

    it('says token_too_large one level deeper, in the payload or the header, and by how deep', () => {
      const claims = refusal(withClaim(arrays(MAX_NESTING_DEPTH)));
      expect(claims.code).toBe('token_too_large');
      expect(claims.status).toBe(401);
      expect(claims.description).toContain(`more than ${MAX_NESTING_DEPTH} levels`);
      expect(claims.hint).toContain('Action');
      const header = refusal(token(part(`{"alg":"RS256","crit":${arrays(5_000)}}`), PAYLOAD));
      expect(header.code).toBe('token_too_large');
      expect(header.description).toContain('header');
    });

    it('counts brackets outside strings only, escaped quotes included', () => {
      const brackets = '['.repeat(100);
      expect(decodeToken(withClaim(JSON.stringify(brackets))).payload.custom).toBe(brackets);
      const escaped = JSON.stringify(`"\\${brackets}`); // a quote and a backslash before the brackets
      expect(decodeToken(withClaim(escaped)).payload.custom).toBe(`"\\${brackets}`);
    });

    it('refuses any depth without recursing (100,000 levels would overflow a recursive walk)', () => {
      expect(refusal(withClaim(arrays(100_000))).code).toBe('token_too_large');
    });
  });
});
