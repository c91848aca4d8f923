// The checks made on the decoded token before a key is chosen, without HTTP or keys: decoded tokens
// are plain objects here, and "now" is a number.
import { UnauthorizedError } from 'express-jwt';
import { nestedArrays } from '../../testing/test-keys';
import { AuthError } from './auth-errors';
import { checkBeforeKey, explainFailure, type ExpectedToken } from './token-checks';
import type { DecodedToken } from './token-decoding';

const ISSUER = 'https://tenant.example.com/';
const AUDIENCE = 'https://quickstarts/api';
const NOW_S = 1_750_000_000;
const EXPECTED: ExpectedToken = { issuer: ISSUER, audience: AUDIENCE, clockToleranceS: 5, nowS: NOW_S };

/** A decoded access token; undefined in the overrides removes that header field or claim. */
function decoded(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): DecodedToken {
  const payload: Record<string, unknown> = {
    iss: ISSUER,
    sub: 'auth0|user',
    aud: [AUDIENCE, `${ISSUER}userinfo`],
    scope: 'openid read:messages',
    iat: NOW_S - 60,
    exp: NOW_S + 3600,
    ...claims,
  };
  const fullHeader: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'key-1', ...header };
  for (const fields of [payload, fullHeader])
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) delete fields[name];
    }
  return { header: fullHeader, payload };
}

function refusal(token: DecodedToken, expected: ExpectedToken = EXPECTED): AuthError {
  try {
    checkBeforeKey(token, expected);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('the token passed the checks');
}
const codeOf = (token: DecodedToken, expected?: ExpectedToken) => refusal(token, expected).code;

describe('checkBeforeKey', () => {
  it("returns the kid of a valid access token's key", () => {
    expect(checkBeforeKey(decoded(), EXPECTED)).toBe('key-1');
    expect(checkBeforeKey(decoded({ aud: AUDIENCE }), EXPECTED)).toBe('key-1');
  });

  describe('header', () => {
    for (const alg of ['none', 'HS256', 'RS384', 'PS256', undefined]) {
      it(`says alg_not_allowed for alg ${String(alg)}`, () => {
        const error = refusal(decoded({}, { alg }));
        expect(error.code).toBe('alg_not_allowed');
        expect(error.description).toContain(alg === undefined ? 'no algorithm' : `"${alg}"`);
      });
    }

    it('says that unsigned tokens are never accepted', () => {
      expect(refusal(decoded({}, { alg: 'nOnE' })).hint).toContain('Unsigned');
    });

    // RFC 8725 section 3.11: another type of JWT (a DPoP proof, a logout token) is not an access token.
    for (const typ of ['JWT', 'jwt', 'at+jwt', 'AT+JWT', 'application/jwt', 'application/at+jwt', undefined]) {
      it(`accepts typ ${String(typ)}`, () => {
        expect(checkBeforeKey(decoded({}, { typ }), EXPECTED)).toBe('key-1');
      });
    }

    for (const typ of ['dpop+jwt', 'logout+jwt', 'secevent+jwt', 'JWS', 'at+jwt ', 'text/jwt', '', 42, ['JWT']]) {
      it(`says typ_not_allowed for typ ${JSON.stringify(typ)}, before the alg`, () => {
        const error = refusal(decoded({}, { typ, alg: 'ES256' }));
        expect(error.code).toBe('typ_not_allowed');
        expect(error.hint).toContain('access token');
      });
    }

    it('says unsupported_header for any crit', () => {
      expect(codeOf(decoded({}, { crit: ['exp'] }))).toBe('unsupported_header');
    });

    it('says unknown_key without a kid, or with an empty or non-string one', () => {
      for (const kid of [undefined, '', 42])
        expect(codeOf(decoded({}, { kid })))
          .withContext(String(kid))
          .toBe('unknown_key');
    });
  });

  describe('order: what names the cause best comes first', () => {
    it('checks the header before the claims', () => {
      expect(codeOf(decoded({ iss: 'https://other/' }, { alg: 'HS256' }))).toBe('alg_not_allowed');
    });

    it('checks the claims before the kid, so the wrong tenant or an id_token is named as such', () => {
      expect(codeOf(decoded({ iss: 'https://other/' }, { kid: undefined }))).toBe('wrong_issuer');
      expect(codeOf(decoded({ aud: 'https://other-api' }, { kid: undefined }))).toBe('wrong_audience');
      expect(codeOf(decoded({ aud: 'client-id', nonce: 'n', iss: 'https://other/' }, { kid: undefined }))).toBe(
        'id_token_not_access_token',
      );
    });
  });

  describe('claims', () => {
    it('says id_token_not_access_token for nonce, at_hash, or a client-id aud without scope', () => {
      expect(codeOf(decoded({ nonce: 'n-1' }))).toBe('id_token_not_access_token');
      expect(codeOf(decoded({ at_hash: 'abc' }))).toBe('id_token_not_access_token');
      const idToken = refusal(decoded({ aud: 'abcDEF123', scope: undefined }));
      expect(idToken.code).toBe('id_token_not_access_token');
      expect(idToken.description).toContain('"abcDEF123"');
    });

    it('does not take a token without scope for an id_token when its aud is the API or a URL', () => {
      expect(checkBeforeKey(decoded({ aud: AUDIENCE, scope: undefined }), EXPECTED)).toBe('key-1');
      expect(codeOf(decoded({ aud: 'https://other-api', scope: undefined }))).toBe('wrong_audience');
    });

    it('says wrong_issuer naming both, and notes a difference of the trailing slash only', () => {
      const slash = refusal(decoded({ iss: 'https://tenant.example.com' }));
      expect(slash.code).toBe('wrong_issuer');
      expect(slash.description).toContain(`"${ISSUER}"`);
      expect(slash.description).toContain('trailing slash');
      const other = refusal(decoded({ iss: 'https://other.eu.auth0.com/' }));
      expect(other.description).toContain('"https://other.eu.auth0.com/"');
      expect(other.description).not.toContain('trailing slash');
      expect(codeOf(decoded({ iss: undefined }))).toBe('wrong_issuer');
    });

    it('says wrong_audience naming both', () => {
      const error = refusal(decoded({ aud: ['https://other/api', `${ISSUER}userinfo`] }));
      expect(error.code).toBe('wrong_audience');
      expect(error.description).toContain(AUDIENCE);
      expect(error.description).toContain('https://other/api');
    });

    it('keeps claim values printable and short in descriptions', () => {
      const error = refusal(decoded({ iss: `https://evil"\r\n${'x'.repeat(500)}` }));
      expect(error.description).not.toMatch(/[\r\n]/);
      expect(error.description.length).toBeLessThan(300);
    });
  });

  // All of this comes before any signature check: anyone can send it, and it must end in a refusal.
  describe('hostile structure: named without walking into it, however deep', () => {
    const deep = () => JSON.parse(nestedArrays(100_000)) as unknown[];

    it('refuses a nested alg, typ or crit', () => {
      expect(codeOf(decoded({}, { alg: deep() }))).toBe('alg_not_allowed');
      expect(codeOf(decoded({}, { typ: deep() }))).toBe('typ_not_allowed');
      expect(codeOf(decoded({}, { crit: deep() }))).toBe('unsupported_header');
      expect(codeOf(decoded({}, { kid: deep() }))).toBe('unknown_key');
    });

    it('refuses a nested iss or aud, also next to the marks of an id_token', () => {
      expect(codeOf(decoded({ iss: deep() }))).toBe('wrong_issuer');
      expect(codeOf(decoded({ aud: deep() }))).toBe('wrong_audience');
      expect(codeOf(decoded({ aud: [deep()], scope: undefined }))).toBe('wrong_audience');
      expect(codeOf(decoded({ aud: deep(), nonce: deep() }))).toBe('id_token_not_access_token');
    });
  });

  describe('time, on the clock it is given', () => {
    it('says missing_exp without exp', () => {
      expect(codeOf(decoded({ exp: undefined }))).toBe('missing_exp');
    });

    it('accepts a token until exp plus the tolerance, then says expired and by how long', () => {
      expect(checkBeforeKey(decoded({ exp: NOW_S - 4 }), EXPECTED)).toBe('key-1');
      expect(codeOf(decoded({ exp: NOW_S - 5 }))).toBe('expired');
      const late = refusal(decoded({ exp: NOW_S - 120 }));
      expect(late.description).toContain('expired 2 min ago');
      expect(codeOf(decoded({ exp: NOW_S - 1 }), { ...EXPECTED, clockToleranceS: 0 })).toBe('expired');
    });

    it('says not_yet_valid for nbf or iat beyond the tolerance, and by how long', () => {
      expect(checkBeforeKey(decoded({ nbf: NOW_S + 5, iat: NOW_S + 5 }), EXPECTED)).toBe('key-1');
      const nbf = refusal(decoded({ nbf: NOW_S + 3600 }));
      expect(nbf.code).toBe('not_yet_valid');
      expect(nbf.description).toContain('60 min');
      const iat = refusal(decoded({ iat: NOW_S + 3600 }));
      expect(iat.code).toBe('not_yet_valid');
      expect(iat.description).toContain('issued 60 min in the future');
    });

    it('says malformed_token for a time claim that is not a number, or out of range', () => {
      expect(refusal(decoded({ iat: 'now' })).description).toContain('its iat is not a number');
      for (const [claim, value] of [
        ['exp', -1e13],
        ['exp', 1e300],
        ['nbf', -1],
        ['iat', 1e13],
      ] as const) {
        const error = refusal(decoded({ [claim]: value }));
        expect(error.code).toBe('malformed_token');
        expect(error.description).toContain(`its ${claim} is out of range`);
      }
    });
  });
});

describe('explainFailure', () => {
  const rejected = (message: string) => new UnauthorizedError('invalid_token', { message });

  it("names jsonwebtoken's signature failures bad_signature", () => {
    for (const message of ['invalid signature', 'jwt signature is required']) {
      expect((explainFailure(rejected(message)) as AuthError).code).toBe('bad_signature');
    }
  });

  it('names anything else express-jwt refuses malformed_token', () => {
    const error = explainFailure(rejected('jwt malformed')) as AuthError;
    expect(error.code).toBe('malformed_token');
    expect(error.description).toContain('jwt malformed');
  });

  it('passes our own errors and bugs through unchanged', () => {
    const ours = new AuthError('unknown_key', 'd', 'h');
    const bug = new TypeError('boom');
    expect(explainFailure(ours)).toBe(ours);
    expect(explainFailure(bug)).toBe(bug);
  });
});
