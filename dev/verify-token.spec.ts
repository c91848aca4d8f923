// The doctor's one-off check of a token: the middleware's verdict, as a promise.
import { AuthError } from '../server/auth';
import { AUDIENCE, ISSUER, startApiUnderTest, type ApiUnderTest } from '../testing/api-under-test';
import { compactJws } from '../testing/test-keys';
import { verifyAccessToken } from './verify-token';

describe('verifyAccessToken', () => {
  let t: ApiUnderTest;
  beforeAll(async () => {
    t = await startApiUnderTest();
  });
  afterAll(() => t.close());

  const options = () => ({ issuer: ISSUER, audience: AUDIENCE, jwksUri: t.jwks.jwksUri });
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('resolves with the claims of a valid token', async () => {
    expect((await verifyAccessToken(t.token(), options())).sub).toBe('auth0|test-user');
  });

  it('rejects with the AuthError the middleware would send', async () => {
    const error = await rejection(verifyAccessToken(t.token({ claims: { aud: 'https://other/api' } }), options()));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('wrong_audience');
    expect((error as AuthError).status).toBe(401);
  });

  // The out-of-range cases themselves are the middleware's (server/auth specs); this is the promise path.
  it('rejects an unsigned token with an out-of-range exp as malformed_token, before any signature check', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, aud: AUDIENCE, scope: 'read:messages', iat: now, exp: 1e300 };
    const unsigned = compactJws({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims, () => 'not a signature');
    const error = await rejection(verifyAccessToken(unsigned, options()));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('malformed_token');
  });
});
