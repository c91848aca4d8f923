// POST /oauth/token with grant_type=authorization_code, one spec per rule of Auth0's code flow
// ("Call Your API Using the Authorization Code Flow with PKCE"; the Authentication API's
// "Get Token" for the code flow with PKCE), and the tokens it answers.
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { codeLogin, pkce, redeem, TOKEN_RESPONSE_FIELDS } from '../../../testing/code-flow';
import { shippedTenant, tenantFolder } from '../../../testing/tenant-files';
import { createAuthorizationCodeStore, AUTHORIZATION_CODE_TTL_SECONDS } from '../stores/authorization-codes';
import { exchangeToken } from '../token/exchange';
import { OAuthError } from '../shared/oauth-error';

const INVALID_CODE = { error: 'invalid_grant', error_description: 'Invalid authorization code' };

describe('dev tenant authorization_code grant', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => {
    // The shipped file, plus a second SPA that may redeem codes too.
    const doc = shippedTenant();
    doc.clients.push({ ...doc.clients[0], name: 'Other SPA', client_id: 'other-spa' });
    tenant = await startDevTenant({ tenantFile: folder.write(doc) });
  });
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });

  it("answers Auth0's token response: an access token for the API living token_lifetime, an id_token with the nonce, a refresh token", async () => {
    const { code, pair } = await codeLogin(tenant, 'admin@example.com');
    const answer = await redeem(tenant, code, pair);
    expect(answer.status).withContext(answer.text).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(answer.body)).toEqual(TOKEN_RESPONSE_FIELDS);
    expect(answer.body.scope).toBe('openid profile email offline_access read:messages write:messages manage:users');
    // "Update Access Token Lifetime": token_lifetime (86400 in dev-tenant.yaml), not token_lifetime_for_web (7200).
    expect(answer.body.expires_in).toBe(86400);
    const jwks = createLocalJWKSet(
      (await (await fetch(`${tenant.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet,
    );
    const access = await jwtVerify(String(answer.body.access_token), jwks, {
      issuer: tenant.issuer,
      audience: tenant.audience,
    });
    expect((access.payload.exp ?? 0) - (access.payload.iat ?? 0)).toBe(86400);
    expect(access.payload).toEqual(jasmine.objectContaining({ azp: tenant.clientId, sub: 'auth0|dev-admin-0001' }));
    const id = await jwtVerify(String(answer.body.id_token), jwks, {
      issuer: tenant.issuer,
      audience: tenant.clientId,
    });
    expect(id.payload).toEqual(jasmine.objectContaining({ nonce: 'nonce-456', email: 'admin@example.com' }));
    expect(id.payload.at_hash).toBeUndefined();
    expect(String(answer.body.refresh_token)).toMatch(/^[\w-]{40,}$/);
  });

  it('is single use: the second redemption of a code is invalid_grant', async () => {
    const { code, pair } = await codeLogin(tenant, 'reader@example.com');
    expect((await redeem(tenant, code, pair)).status).toBe(200);
    const again = await redeem(tenant, code, pair);
    expect([again.status, again.body]).toEqual([403, INVALID_CODE]);
  });

  it('is bound to the client it was issued to: another SPA gets invalid_grant, and the code is spent', async () => {
    const { code, pair } = await codeLogin(tenant, 'reader@example.com');
    const other = await redeem(tenant, code, pair, { client_id: 'other-spa' });
    expect([other.status, other.body]).toEqual([403, INVALID_CODE]);
    expect((await redeem(tenant, code, pair)).body).toEqual(INVALID_CODE);
  });

  it('is bound to its redirect_uri: a different or missing one is invalid_grant', async () => {
    for (const redirectUri of [`${tenant.appOrigin}/elsewhere`, undefined]) {
      const { code, pair } = await codeLogin(tenant, 'reader@example.com');
      const answer = await redeem(tenant, code, pair, { redirect_uri: redirectUri });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe('invalid_grant');
      expect(String(answer.body.error_description)).toMatch(/redirect_uri/);
    }
  });

  it('checks the PKCE verifier against the S256 challenge: a wrong or missing one is invalid_grant', async () => {
    for (const verifier of [pkce().verifier, undefined]) {
      const { code, pair } = await codeLogin(tenant, 'reader@example.com');
      const answer = await redeem(tenant, code, pair, { code_verifier: verifier });
      expect([answer.status, answer.body]).toEqual([
        403,
        { error: 'invalid_grant', error_description: 'Failed to verify code verifier' },
      ]);
    }
  });

  it('refuses a code issued without PKCE to a client with no secret: nothing proves the caller is the SPA', async () => {
    const { code, pair } = await codeLogin(tenant, 'reader@example.com', {
      code_challenge: undefined,
      code_challenge_method: undefined,
    });
    const answer = await redeem(tenant, code, pair);
    expect([answer.status, answer.body]).toEqual([401, { error: 'access_denied', error_description: 'Unauthorized' }]);
  });

  it(`is short-lived: ${AUTHORIZATION_CODE_TTL_SECONDS} s, RFC 6749's recommended maximum (Auth0 names none)`, async () => {
    let now = Date.now();
    const ctx = { ...tenant.context, authorizationCodes: createAuthorizationCodeStore(() => now) };
    const { code, pair } = await codeLogin(tenant, 'reader@example.com');
    const issued = tenant.context.authorizationCodes.get(code);
    expect(issued).toBeDefined();
    ctx.authorizationCodes.set(code, issued!);
    now += AUTHORIZATION_CODE_TTL_SECONDS * 1000;
    const late = await exchangeToken(ctx, {
      grantType: 'authorization_code',
      clientId: tenant.clientId,
      params: { code, code_verifier: pair.verifier, redirect_uri: `${tenant.appOrigin}/callback` },
    }).catch((error: unknown) => error);
    expect(late instanceof OAuthError ? late.body : late).toEqual(INVALID_CODE);
  });

  it('issues no id_token without openid, and an opaque access token without an audience (as /authorize does)', async () => {
    const { code, pair } = await codeLogin(tenant, 'reader@example.com', { scope: 'profile', audience: undefined });
    const answer = await redeem(tenant, code, pair);
    expect(answer.status).toBe(200);
    expect(answer.body.id_token).toBeUndefined();
    expect(answer.body.refresh_token).toBeUndefined();
    expect(() => decodeJwt(String(answer.body.access_token))).toThrow();
  });
});
