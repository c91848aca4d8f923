// Reading the token from a request (RFC 6750 section 2), without HTTP: plain request-shaped objects.
import { AuthError } from './auth-errors';
import { MAX_TOKEN_LENGTH, readBearerToken, type BearerRequest } from './bearer-token';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

function request(authorization?: string, extra: Partial<BearerRequest> = {}): BearerRequest {
  return { headers: authorization === undefined ? {} : { authorization }, url: '/api/private', ...extra };
}

function refusal(req: BearerRequest): AuthError {
  try {
    readBearerToken(req);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('readBearerToken', () => {
  it('returns the token of "Bearer <token>", whatever the case of the scheme', () => {
    expect(readBearerToken(request(`Bearer ${JWT}`))).toBe(JWT);
    expect(readBearerToken(request(`bearer ${JWT}`))).toBe(JWT);
    expect(readBearerToken(request(`BEARER ${JWT}`, { url: '/api/private?page=2', body: { message: 'hi' } }))).toBe(
      JWT,
    );
  });

  it('says missing_token without a header or with an empty one, and for "Bearer undefined" or "Bearer null"', () => {
    expect(refusal(request()).code).toBe('missing_token');
    const empty = refusal(request('')); // what Node makes of "Authorization: " followed by spaces
    expect(empty.code).toBe('missing_token');
    expect(empty.description).toContain('empty');
    for (const value of ['undefined', 'null']) {
      const error = refusal(request(`Bearer ${value}`));
      expect(error.code).toBe('missing_token');
      expect(error.description).toContain(`Bearer ${value}`);
    }
  });

  it('says bad_scheme for another scheme, naming it only if it looks like one', () => {
    const basic = refusal(request('Basic dXNlcjpzZWNyZXQ='));
    expect(basic.code).toBe('bad_scheme');
    expect(basic.description).toContain('"Basic"');
    expect(basic.description).not.toContain('dXNlcjpzZWNyZXQ');
    const bare = refusal(request(JWT)); // the token without "Bearer "
    expect(bare.code).toBe('bad_scheme');
    expect(bare.description).toContain('no known scheme');
    expect(bare.description).not.toContain(JWT.slice(0, 20));
  });

  for (const header of ['Bearer', 'Bearer ', 'Bearer a b', 'Bearer "abc.def.ghi"', 'Bearer abc,def']) {
    it(`says malformed_header (401, as Auth0's quickstart suite expects) for ${JSON.stringify(header)}`, () => {
      const error = refusal(request(header));
      expect(error.code).toBe('malformed_header');
      expect(error.status).toBe(401);
    });
  }

  it('says opaque_token for a token that is not three dot-separated parts, and names a JWE', () => {
    const opaque = refusal(request('Bearer tzuWCSxVXLdBN1QGNwxQRcjZ8Fq7ckH3'));
    expect(opaque.code).toBe('opaque_token');
    expect(opaque.description).toContain('opaque');
    const jwe = refusal(request('Bearer eyJhbGciOiJkaXIifQ..aGVsbG8.d29ybGQ.dGFn'));
    expect(jwe.code).toBe('opaque_token');
    expect(jwe.description).toContain('JWE');
  });

  it(`says token_too_large for a token longer than ${MAX_TOKEN_LENGTH} characters, before decoding anything`, () => {
    const segment = (length: number) => 'a'.repeat(length);
    const atLimit = `${segment(100)}.${segment(MAX_TOKEN_LENGTH - 200 - 2)}.${segment(100)}`;
    expect(readBearerToken(request(`Bearer ${atLimit}`))).toBe(atLimit);
    const error = refusal(request(`Bearer ${atLimit}a`));
    expect(error.code).toBe('token_too_large');
    expect(error.status).toBe(401);
    expect(error.description).toContain(`${MAX_TOKEN_LENGTH + 1} characters`);
    expect(error.hint).toContain('permissions');
  });

  describe('two Authorization headers (Node keeps only the first in req.headers)', () => {
    const twice = (first: string, second: string): BearerRequest =>
      request(first, { rawHeaders: ['Host', 'api', 'Authorization', first, 'authorization', second] });

    it('are refused with 400 duplicate_header, whatever they hold', () => {
      for (const second of [`Bearer ${JWT}`, 'Basic dXNlcjpzZWNyZXQ=', '']) {
        const error = refusal(twice(`Bearer ${JWT}`, second));
        expect(error.code).toBe('duplicate_header');
        expect(error.status).toBe(400);
        expect(error.description).toContain('2 Authorization headers');
        expect(error.description).not.toContain(JWT.split('.')[2]);
      }
    });

    it('do not hide one header, or a request without raw headers (a check run by a script)', () => {
      expect(readBearerToken(request(`Bearer ${JWT}`, { rawHeaders: ['AUTHORIZATION', `Bearer ${JWT}`] }))).toBe(JWT);
      expect(readBearerToken(request(`Bearer ${JWT}`))).toBe(JWT);
    });
  });

  describe('a token anywhere but the header', () => {
    it('is refused in the query string (400 token_in_query), read from originalUrl under a mount path', () => {
      const error = refusal(request(undefined, { originalUrl: `/api/private?access_token=${JWT}`, url: '/private' }));
      expect(error.code).toBe('token_in_query');
      expect(error.status).toBe(400);
      expect(error.description).toContain('the query string');
    });

    it('is refused in a parsed body, alone or next to the header, naming every place', () => {
      expect(refusal(request(undefined, { body: { access_token: JWT } })).description).toContain('the request body');
      const both = refusal(request(`Bearer ${JWT}`, { url: `/x?access_token=${JWT}`, body: { access_token: JWT } }));
      expect(both.code).toBe('token_in_query');
      expect(both.description).toContain('the Authorization header and the query string and the request body');
    });

    it('is never echoed in the description', () => {
      const error = refusal(request(`Bearer ${JWT}`, { url: `/x?access_token=${JWT}` }));
      expect(error.description).not.toContain(JWT.split('.')[2]);
    });

    it('is not looked for in an inherited property of the body', () => {
      const body: unknown = Object.create({ access_token: JWT });
      expect(readBearerToken(request(`Bearer ${JWT}`, { body }))).toBe(JWT);
    });
  });
});
