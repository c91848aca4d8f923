// When a refresh token is issued at all, who may exchange one, and the client settings that turn
// rotation and expiry off. Each rule from the Auth0 page it follows: "Get Refresh Tokens"
// (https://auth0.com/docs/secure/tokens/refresh-tokens/get-refresh-tokens), "Application Grant Types"
// (https://auth0.com/docs/get-started/applications/application-grant-types), "Configure Refresh Token
// Rotation" and "Configure Refresh Token Expiration", and "Multi-Resource Refresh Token"
// (https://auth0.com/docs/secure/tokens/refresh-tokens/multi-resource-refresh-token).
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { codeLogin, INVALID_REFRESH_TOKEN, redeem, refresh } from '../../../testing/code-flow';
import { shippedTenant, tenantFolder, type TenantDoc } from '../../../testing/tenant-files';
import { REQUESTED_SCOPE } from '../../../config/load-config';
import { OAuthError } from '../shared/oauth-error';
import { exchangeToken } from '../token/exchange';

/** The shipped file plus SPAs that differ from its own in one setting each, and an API without offline access. */
function tenantDoc(): TenantDoc {
  const doc = shippedTenant();
  const spa = doc.clients[0];
  doc.clients.push(
    { ...spa, name: 'No refresh grant', client_id: 'no-refresh-grant', grant_types: ['authorization_code'] },
    {
      ...spa,
      name: 'Non-rotating',
      client_id: 'non-rotating',
      refresh_token: { rotation_type: 'non-rotating', expiration_type: 'non-expiring' },
    },
  );
  doc.resourceServers.push({ name: 'Online only', identifier: 'https://online.test', scopes: [] });
  return doc;
}

describe('dev tenant: which logins get a refresh token, and who may use one', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant({ tenantFile: folder.write(tenantDoc()) })));
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });
  beforeEach(() => spyOn(console, 'log')); // the tenant's reasons for refusals

  const as = (clientId: string) => ({ ...tenant, clientId });
  const tokensOf = async (client: RunningDevTenant, overrides: Record<string, string | undefined> = {}) => {
    const { code, pair } = await codeLogin(client, 'reader@example.com', overrides);
    const answer = await redeem(client, code, pair);
    expect(answer.status).withContext(answer.text).toBe(200);
    return answer.body;
  };

  it('issues none without offline_access in the scope (Get Refresh Tokens)', async () => {
    const body = await tokensOf(tenant, { scope: REQUESTED_SCOPE });
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).not.toContain('offline_access');
  });

  it("issues none for an API whose Allow Offline Access is off (Get Refresh Tokens; the Management API's too)", async () => {
    for (const audience of ['https://online.test', `${tenant.issuer}api/v2/`]) {
      const body = await tokensOf(tenant, { audience });
      expect(body.refresh_token).withContext(audience).toBeUndefined();
      expect(body.scope).withContext(audience).not.toContain('offline_access');
    }
  });

  it('issues none to a client without the refresh_token grant type (Application Grant Types)', async () => {
    const body = await tokensOf(as('no-refresh-grant'));
    expect(body.refresh_token).toBeUndefined();
  });

  it('refuses a refresh by a client without the grant type with 403 unauthorized_client, before looking the token up', async () => {
    const made = await refresh(as('no-refresh-grant'), 'not-a-token-at-all');
    expect([made.status, made.body]).toEqual([
      403,
      {
        error: 'unauthorized_client',
        error_description: "Grant type 'refresh_token' not allowed for the client.",
        error_uri: 'https://auth0.com/docs/clients/client-grant-types',
      },
    ]);
  });

  it('answers a made-up, empty-looking or other client\'s token with 403 "Unknown or invalid refresh token."', async () => {
    const real = await tokensOf(tenant);
    for (const [client, token] of [
      [tenant, 'made-up'],
      [as('non-rotating'), real.refresh_token],
    ] as const) {
      const answer = await refresh(client, token);
      expect([answer.status, answer.body]).toEqual([403, INVALID_REFRESH_TOKEN]);
    }
    expect((await refresh(tenant, real.refresh_token)).status).toBe(200);
  });

  it('non-rotating: the same token is exchanged again and again, and no new one is answered (Configure Refresh Token Rotation)', async () => {
    const first = await tokensOf(as('non-rotating'));
    for (let i = 0; i < 3; i++) {
      const answer = await refresh(as('non-rotating'), first.refresh_token);
      expect(answer.status).toBe(200);
      expect(answer.body.refresh_token).toBeUndefined();
      expect(answer.body.access_token).toBeDefined();
    }
  });

  it('non-expiring: no lifetime applies, a year on (Configure Refresh Token Expiration)', async () => {
    const first = await tokensOf(as('non-rotating'));
    const yearLater = Date.now() + 400 * 86400 * 1000;
    const request = {
      grantType: 'refresh_token',
      clientId: 'non-rotating',
      params: { refresh_token: String(first.refresh_token) },
    };
    const answer = await exchangeToken(tenant.context, request, yearLater);
    expect(answer.access_token).toBeDefined();
  });

  it("answers for the refresh token's own API whatever audience is asked (Multi-Resource Refresh Token: without its policies)", async () => {
    const first = await tokensOf(tenant);
    const answer = await refresh(tenant, first.refresh_token, { audience: `${tenant.issuer}api/v2/` });
    expect(answer.status).toBe(200);
    expect(decodeJwt(String(answer.body.access_token)).aud).toContain(tenant.audience);
  });

  it('may narrow the scopes of the login, never widen them (Get Refresh Tokens: "Use Refresh Tokens")', async () => {
    const first = await tokensOf(tenant, { scope: 'openid offline_access' });
    const answer = await refresh(tenant, first.refresh_token, { scope: 'openid read:messages' });
    expect(answer.body.scope).toBe('openid');
    expect(decodeJwt(String(answer.body.access_token)).scope).toBe('openid');
  });

  it('refuses a refresh without refresh_token as invalid_request', async () => {
    const answer = await exchangeToken(tenant.context, {
      grantType: 'refresh_token',
      clientId: tenant.clientId,
      params: {},
    }).catch((error: unknown) => error);
    expect(answer instanceof OAuthError ? answer.body : answer).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: refresh_token',
    });
  });
});
