// Every refusal the access-token check can give, each reached with a real signed token against the
// real API and a real JWKS endpoint.
import { createHmac, createPublicKey, sign, constants } from 'node:crypto';
import express from 'express';
import { startJwksServer, type JwksServer } from '../../testing/jwks-server';
import {
  AUDIENCE,
  ISSUER,
  expectInvalidToken,
  startApiUnderTest,
  type ApiUnderTest,
} from '../../testing/api-under-test';
import { listen, type Listening } from '../../testing/listen';
import { accessToken, base64url, compactJws, makeTestKey, rs256, type TestKey } from '../../testing/test-keys';
import { CASE_AUDIENCE, CASE_ISSUER, TOKEN_KIND_CASES } from '../../testing/token-cases';
import { authErrorHandler, requireAccessToken } from '.';

describe('requireAccessToken', () => {
  let t: ApiUnderTest;
  let stranger: TestKey; // a key the tenant never published
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await startApiUnderTest();
    stranger = await makeTestKey('key-1');
  });
  afterAll(() => t.close());

  const privateWith = (bearer: string) => t.call('/api/private', { bearer });

  it('lets a valid access token through and hands its claims to the route as req.auth', async () => {
    expect((await privateWith(t.token())).status).toBe(200);
    const app = express();
    app.get(
      '/claims',
      requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksUri: t.jwks.jwksUri }),
      (req, res) => {
        res.json(req.auth);
      },
    );
    const server = await listen(app);
    try {
      const response = await fetch(`${server.url}/claims`, { headers: { authorization: `Bearer ${t.token()}` } });
      expect(await response.json()).toEqual(jasmine.objectContaining({ iss: ISSUER, sub: 'auth0|test-user' }));
    } finally {
      await server.close();
    }
  });

  it('gives each request its own req.auth: a route may change it, and the change stays in that request', async () => {
    const app = express();
    app.get(
      '/claims',
      requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksUri: t.jwks.jwksUri }),
      (req, res) => {
        const auth = req.auth!;
        const before = {
          permissions: auth.permissions ?? null,
          note: auth.note ?? null,
          aud: [...(auth.aud as string[])],
        };
        auth.permissions = ['added:by-route'];
        auth.note = 'set by the route';
        (auth.aud as string[]).push('https://added/by-route');
        res.json({ before, after: auth });
      },
    );
    app.use(authErrorHandler);
    const server = await listen(app);
    try {
      const token = t.token(); // the second and third requests are answered from the remembered claims
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${server.url}/claims`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status)
          .withContext(`request ${i + 1}`)
          .toBe(200);
        const { before, after } = (await response.json()) as {
          before: Record<string, unknown>;
          after: Record<string, unknown>;
        };
        expect(before)
          .withContext(`request ${i + 1}`)
          .toEqual({ permissions: null, note: null, aud: [AUDIENCE, `${ISSUER}userinfo`] });
        expect(after.permissions).toEqual(['added:by-route']);
        expect(after.aud).toEqual([AUDIENCE, `${ISSUER}userinfo`, 'https://added/by-route']);
      }
    } finally {
      await server.close();
    }
  });

  it('accepts the same token again (remembered) and an aud given as a plain string', async () => {
    const token = t.token({ claims: { aud: AUDIENCE } });
    for (let i = 0; i < 3; i++) expect((await privateWith(token)).status).toBe(200);
  });

  it('marks what a protected route answers as not to be stored, remembered token or not', async () => {
    const token = t.token();
    for (let i = 0; i < 2; i++) {
      const answer = await privateWith(token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control'))
        .withContext(`request ${i + 1}`)
        .toBe('no-store');
    }
  });

  describe('without a Bearer token', () => {
    it('answers missing_token with a challenge without error attribute', async () => {
      const answer = await t.call('/api/private');
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('missing_token');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    });

    it('answers missing_token for "Bearer undefined" (the client had no token)', async () => {
      const answer = await privateWith('undefined');
      expect(answer.body.code).toBe('missing_token');
      expect(answer.body.error_description).toContain('Bearer undefined');
    });

    it('answers bad_scheme for Basic credentials, without repeating them', async () => {
      const answer = await t.call('/api/private', { headers: { authorization: 'Basic dXNlcjpzZWNyZXQtcGFzc3dvcmQ=' } });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('bad_scheme');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="api"');
      expect(answer.text).not.toContain('dXNlcjpzZWNyZXQtcGFzc3dvcmQ');
    });

    it('answers bad_scheme for a token without the Bearer prefix, without echoing it', async () => {
      const token = t.token();
      const answer = await t.call('/api/private', { headers: { authorization: token } });
      expect(answer.body.code).toBe('bad_scheme');
      expect(answer.text).not.toContain(token.slice(0, 20));
    });

    for (const header of ['Bearer', 'Bearer ', `Bearer a b`, 'Bearer "abc.def.ghi"']) {
      it(`answers 401 malformed_header for "${header}"`, async () => {
        const answer = await t.call('/api/private', { headers: { authorization: header } });
        expectInvalidToken(answer, 'malformed_header');
        expect(answer.body.hint).toContain('Bearer <access token>');
      });
    }
  });

  describe('tokens anywhere but the Authorization header', () => {
    it('refuses a token in the query string with 400 token_in_query', async () => {
      const answer = await t.call(`/api/private?access_token=${t.token()}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(jasmine.objectContaining({ error: 'invalid_request', code: 'token_in_query' }));
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_request"');
    });

    it('refuses a token in a form body', async () => {
      const answer = await t.call('/api/admin', {
        method: 'POST',
        body: new URLSearchParams({ access_token: t.token() }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('token_in_query');
      expect(answer.body.error_description).toContain('request body');
    });

    it('refuses a token in a JSON body, alone or next to the header', async () => {
      const token = t.token();
      const json = {
        method: 'POST',
        body: JSON.stringify({ access_token: token }),
        headers: { 'content-type': 'application/json' },
      };
      const answer = await t.call('/api/admin', json);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(jasmine.objectContaining({ error: 'invalid_request', code: 'token_in_query' }));
      expect(answer.body.error_description).toContain('the request body');
      const both = await t.call('/api/admin', { ...json, bearer: token });
      expect(both.status).toBe(400);
      expect(both.body.error_description).toContain('the Authorization header and the request body');
    });

    it('refuses a token sent in two places, naming both', async () => {
      const token = t.token();
      const answer = await t.call(`/api/private?access_token=${token}`, { bearer: token });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('token_in_query');
      expect(answer.body.error_description).toContain('the Authorization header and the query string');
    });
  });

  describe('tokens that are not access tokens of this API', () => {
    it('names an opaque token (no audience requested) and says to request the audience', async () => {
      const answer = await privateWith('tzuWCSxVXLdBN1QGNwxQRcjZ8Fq7ckH3');
      expectInvalidToken(answer, 'opaque_token');
      expect(answer.body.hint).toContain('audience');
    });

    it('names a token that is encrypted (JWE) as opaque', async () => {
      expectInvalidToken(await privateWith('eyJhbGciOiJkaXIifQ..aGVsbG8.d29ybGQ.dGFn'), 'opaque_token');
    });

    it('names a JWT that does not decode as malformed_token', async () => {
      expectInvalidToken(await privateWith('eyJub3Rqc29u.eyJub3Q.c2ln'), 'malformed_token');
      const notAnObject = compactJws({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, '"just a string"', rs256(t.key));
      expectInvalidToken(await privateWith(notAnObject), 'malformed_token');
      expectInvalidToken(await privateWith(t.token({ claims: { exp: 'tomorrow' } })), 'malformed_token');
    });

    it('recognises an id_token by nonce/at_hash and says to send the access token', async () => {
      const idToken = t.token({
        claims: { aud: 'local-dev-spa', scope: undefined, nonce: 'n-1', at_hash: 'abc', name: 'Ada' },
      });
      const answer = await privateWith(idToken);
      expectInvalidToken(answer, 'id_token_not_access_token');
      expect(answer.body.hint).toContain('access_token');
      expect(answer.body.error_description).toContain('local-dev-spa');
    });

    it('recognises an id_token by an aud that is a client id and no scope', async () => {
      expectInvalidToken(
        await privateWith(t.token({ claims: { aud: 'abcDEF123', scope: undefined } })),
        'id_token_not_access_token',
      );
    });

    it('names the expected and the received audience', async () => {
      const answer = await privateWith(t.token({ claims: { aud: ['https://other/api', `${ISSUER}userinfo`] } }));
      expectInvalidToken(answer, 'wrong_audience');
      expect(answer.body.error_description).toContain(AUDIENCE);
      expect(answer.body.error_description).toContain('https://other/api');
    });

    it('names both issuers, and notes when only the trailing slash differs', async () => {
      const answer = await privateWith(t.token({ claims: { iss: 'https://tenant.example.com' } }));
      expectInvalidToken(answer, 'wrong_issuer');
      expect(answer.body.error_description).toContain(`"${ISSUER}"`);
      expect(answer.body.error_description).toContain('"https://tenant.example.com"');
      expect(answer.body.error_description).toContain('trailing slash');

      const other = await privateWith(t.token({ claims: { iss: 'https://other-tenant.eu.auth0.com/' } }));
      expectInvalidToken(other, 'wrong_issuer');
      expect(other.body.error_description).toContain('other-tenant.eu.auth0.com');
    });

    it('keeps hostile claim values out of the header syntax (no 500, no header injection)', async () => {
      const answer = await privateWith(t.token({ claims: { iss: 'https://evil"\r\nSet-Cookie: x=1\\' } }));
      expectInvalidToken(answer, 'wrong_issuer');
      expect(answer.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('time', () => {
    it('says by how long a token has expired', async () => {
      const answer = await privateWith(t.token({ claims: { exp: now() - 120, iat: now() - 3720 } }));
      expectInvalidToken(answer, 'expired');
      expect(answer.body.error_description).toContain('expired 2 min ago');
    });

    it('says in how long a token becomes valid', async () => {
      const answer = await privateWith(t.token({ claims: { nbf: now() + 3600 } }));
      expectInvalidToken(answer, 'not_yet_valid');
      expect(answer.body.error_description).toContain('60 min');
    });

    it('says by how long a token was issued in the future, and accepts skew within the tolerance', async () => {
      const answer = await privateWith(t.token({ claims: { iat: now() + 3600 } }));
      expectInvalidToken(answer, 'not_yet_valid');
      expect(answer.body.error_description).toContain('issued 60 min in the future');
      expect(answer.body.hint).toContain('clock');
      expect((await privateWith(t.token({ claims: { iat: now() + 2 } }))).status).toBe(200);
      const notANumber = await privateWith(t.token({ claims: { iat: 'now' } }));
      expectInvalidToken(notANumber, 'malformed_token');
      expect(notANumber.body.error_description).toContain('its iat is not a number');
    });

    // Checked before the signature, so anyone can send these: they must never reach Date and a 500.
    for (const [claim, value] of [
      ['exp', -1e13],
      ['exp', 1e13],
      ['exp', 1e300],
      ['nbf', 1e13],
      ['nbf', -1],
      ['iat', 1e13],
      ['iat', -1e13],
    ] as const) {
      it(`refuses ${claim} ${value} as malformed_token "out of range", also unsigned`, async () => {
        const claims = {
          iss: ISSUER,
          aud: AUDIENCE,
          scope: 'read:messages',
          iat: now(),
          exp: now() + 60,
          [claim]: value,
        };
        const unsigned = compactJws({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims, () => 'not a signature');
        for (const token of [unsigned, t.token({ claims })]) {
          const answer = await privateWith(token);
          expectInvalidToken(answer, 'malformed_token');
          expect(answer.body.error_description).toContain(`its ${claim} is out of range`);
        }
      });
    }

    it('refuses a token without exp (jsonwebtoken alone would accept it)', async () => {
      expectInvalidToken(await privateWith(t.token({ claims: { exp: undefined } })), 'missing_exp');
    });
  });

  describe('signatures and keys', () => {
    it('refuses a token signed by another key under the tenant kid', async () => {
      const forged = compactJws(
        { alg: 'RS256', typ: 'JWT', kid: 'key-1' },
        { iss: ISSUER, aud: AUDIENCE, scope: 'read:messages', exp: now() + 60 },
        rs256(stranger),
      );
      expectInvalidToken(await privateWith(forged), 'bad_signature');
    });

    it('refuses a token whose payload was altered after signing', async () => {
      const [header, , signature] = t.token().split('.');
      const payload = base64url(
        JSON.stringify({ iss: ISSUER, aud: AUDIENCE, scope: 'read:messages write:messages', exp: now() + 60 }),
      );
      expectInvalidToken(await privateWith(`${header}.${payload}.${signature}`), 'bad_signature');
    });

    it('names a kid that is not in the JWKS, and a token without kid', async () => {
      const answer = await privateWith(t.token({ header: { kid: 'not-a-tenant-key' } }));
      expectInvalidToken(answer, 'unknown_key');
      expect(answer.body.error_description).toContain('not-a-tenant-key');
      expectInvalidToken(await privateWith(t.token({ header: { kid: undefined } })), 'unknown_key');
    });

    it('never follows or trusts jku, x5u, jwk or x5c', async () => {
      const attackerJwks: JwksServer = await startJwksServer([stranger.publicJwk]);
      try {
        const claims = { iss: ISSUER, aud: AUDIENCE, scope: 'read:messages', exp: now() + 60 };
        const embedded = compactJws({ alg: 'RS256', kid: 'key-1', jwk: stranger.publicJwk }, claims, rs256(stranger));
        expectInvalidToken(await privateWith(embedded), 'bad_signature');
        const x5c = compactJws(
          { alg: 'RS256', kid: 'key-1', x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] },
          claims,
          rs256(stranger),
        );
        expectInvalidToken(await privateWith(x5c), 'bad_signature');
        for (const header of ['jku', 'x5u']) {
          const pointed = compactJws(
            { alg: 'RS256', kid: 'attacker-key', [header]: attackerJwks.jwksUri },
            claims,
            rs256(stranger),
          );
          expectInvalidToken(await privateWith(pointed), 'unknown_key');
        }
        expect(attackerJwks.fetches).toBe(0);
      } finally {
        await attackerJwks.stop();
      }
    });

    it('refuses every algorithm but RS256', async () => {
      const claims = { iss: ISSUER, aud: AUDIENCE, scope: 'read:messages', exp: now() + 60 };
      const publicPem = createPublicKey(t.key.privateKey).export({ format: 'pem', type: 'spki' });
      const tokens = {
        none: compactJws({ alg: 'none', typ: 'JWT' }, claims, () => ''),
        nOnE: compactJws({ alg: 'nOnE', typ: 'JWT' }, claims, () => ''),
        // The classic confusion: HMAC keyed with the RSA public key the JWKS publishes.
        HS256: compactJws({ alg: 'HS256', typ: 'JWT', kid: 'key-1' }, claims, (input) =>
          createHmac('sha256', publicPem).update(input).digest(),
        ),
        RS384: compactJws({ alg: 'RS384', typ: 'JWT', kid: 'key-1' }, claims, (input) =>
          sign('sha384', Buffer.from(input), t.key.privateKey),
        ),
        PS256: compactJws({ alg: 'PS256', typ: 'JWT', kid: 'key-1' }, claims, (input) =>
          sign('sha256', Buffer.from(input), {
            key: t.key.privateKey,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: 32,
          }),
        ),
      };
      for (const [alg, token] of Object.entries(tokens)) {
        const answer = await privateWith(token);
        expectInvalidToken(answer, 'alg_not_allowed');
        expect(answer.body.error_description).withContext(alg).toContain(`"${alg}"`);
      }
    });

    it('refuses a token with a crit header (jsonwebtoken alone would ignore it)', async () => {
      const answer = await privateWith(t.token({ header: { crit: ['exp'] } }));
      expectInvalidToken(answer, 'unsupported_header');
      expectInvalidToken(await privateWith(t.token({ header: { b64: false, crit: ['b64'] } })), 'unsupported_header');
    });
  });

  describe('scopes', () => {
    it('answers 403 insufficient_scope naming the scope needed', async () => {
      const answer = await t.call('/api/private-scoped', { bearer: t.token({ claims: { scope: 'openid profile' } }) });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual(
        jasmine.objectContaining({ error: 'insufficient_scope', code: 'insufficient_scope' }),
      );
      expect(answer.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="api", error="insufficient_scope", error_description="[^"]+", scope="read:messages"$/,
      );
      const admin = await t.call('/api/admin', {
        method: 'POST',
        bearer: t.token({ claims: { scope: 'read:messages' } }),
      });
      expect(admin.status).toBe(403);
      expect(admin.headers.get('www-authenticate')).toContain('scope="write:messages"');
      expect(admin.body.error_description).toContain('"read:messages"');
    });

    it('lets the right scopes through', async () => {
      expect(
        (await t.call('/api/private-scoped', { bearer: t.token({ claims: { scope: 'read:messages' } }) })).status,
      ).toBe(200);
      expect(
        (await t.call('/api/admin', { method: 'POST', bearer: t.token({ claims: { scope: 'write:messages' } }) }))
          .status,
      ).toBe(200);
    });
  });

  describe('without the sample around it', () => {
    let bare: Listening;
    beforeAll(async () => {
      const app = express();
      app.get(
        '/private',
        requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksUri: t.jwks.jwksUri }),
        (_req, res) => {
          res.json({ message: 'ok' });
        },
      );
      app.use(authErrorHandler);
      bare = await listen(app);
    });
    afterAll(() => bare.close());

    it('answers the same precise errors with just the middleware and the error handler', async () => {
      const response = await fetch(`${bare.url}/private`, {
        headers: { authorization: `Bearer ${t.token({ claims: { exp: undefined } })}` },
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('missing_exp');
    });
  });

  describe('options', () => {
    it('needs an issuer and an audience, and refuses nonsense durations, when the check is created', () => {
      expect(() => requireAccessToken({ issuer: '', audience: AUDIENCE })).toThrowError(/issuer and audience/);
      expect(() => requireAccessToken({ issuer: ISSUER, audience: '' })).toThrowError(/issuer and audience/);
      expect(() => requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksCooldownMs: -1 })).toThrowError(
        /jwksCooldownMs/,
      );
      expect(() => requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksMaxAgeMs: NaN })).toThrowError(
        /jwksMaxAgeMs/,
      );
    });

    it('needs only issuer and audience: the JWKS is the issuer + .well-known/jwks.json', async () => {
      const tenant = await startJwksServer([t.key.publicJwk]); // serves /.well-known/jwks.json
      const issuer = `${new URL(tenant.jwksUri).origin}/`;
      const app = express();
      app.get('/private', requireAccessToken({ issuer, audience: AUDIENCE }), (_req, res) => {
        res.json({ message: 'ok' });
      });
      const server = await listen(app);
      try {
        const token = accessToken(issuer, AUDIENCE, { key: t.key });
        const response = await fetch(`${server.url}/private`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        expect(tenant.fetches).toBe(1);
      } finally {
        await server.close();
        await tenant.stop();
      }
    });
  });

  // The table the app's token inspector runs too: both must tell an id_token from an access token alike.
  describe('the shared table of token kinds', () => {
    it('uses the same issuer and audience as the table', () => {
      expect([ISSUER, AUDIENCE]).toEqual([CASE_ISSUER, CASE_AUDIENCE]);
    });

    for (const { name, claims, isIdToken } of TOKEN_KIND_CASES) {
      it(`${isIdToken ? 'answers' : 'never answers'} id_token_not_access_token for ${name}`, async () => {
        // Only the table's claims besides iss, sub, iat and exp: no aud, azp or scope of the default token.
        const token = t.token({ claims: { aud: undefined, azp: undefined, scope: undefined, ...claims } });
        const { body } = await privateWith(token);
        if (isIdToken) expect(body.code).toBe('id_token_not_access_token');
        else expect(body.code).not.toBe('id_token_not_access_token');
      });
    }
  });
});
