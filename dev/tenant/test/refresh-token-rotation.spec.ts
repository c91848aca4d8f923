// The refresh_token grant, one spec per rule, each from the Auth0 page it follows:
// "Refresh Token Rotation" (https://auth0.com/docs/secure/tokens/refresh-tokens/refresh-token-rotation),
// "Configure Refresh Token Rotation" (.../refresh-tokens/configure-refresh-token-rotation),
// "Configure Refresh Token Expiration" (.../refresh-tokens/configure-refresh-token-expiration) and
// "Update Access Token Lifetime" (https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime).
// Time moves by calling the grant with a later `now`; the first token of each family comes from a real login.
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import {
  INVALID_REFRESH_TOKEN,
  loginWithRefreshToken,
  refresh,
  TOKEN_RESPONSE_FIELDS,
} from '../../../testing/code-flow';
import { shippedTenant, tenantFolder } from '../../../testing/tenant-files';
import { OAuthError } from '../shared/oauth-error';
import type { TokenResponse } from '../token/grants/grant';
import { exchangeToken } from '../token/exchange';

const LEEWAY = 30;
const ABSOLUTE = 1000;
const IDLE = 300;

describe('dev tenant refresh tokens (rotating, expiring)', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => {
    const doc = shippedTenant();
    doc.clients[0].refresh_token = {
      rotation_type: 'rotating',
      expiration_type: 'expiring',
      leeway: LEEWAY,
      token_lifetime: ABSOLUTE,
      infinite_token_lifetime: false,
      idle_token_lifetime: IDLE,
      infinite_idle_token_lifetime: false,
    };
    tenant = await startDevTenant({ tenantFile: folder.write(doc) });
  });
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });
  // The tenant's console says why each token was refused (never the token): kept, and read below.
  let log: jasmine.Spy;
  beforeEach(() => (log = spyOn(console, 'log')));

  /** The grant at `seconds` after now: the answer, or the refusal's body. */
  const at = (token: unknown, seconds: number) =>
    exchangeToken(
      tenant.context,
      { grantType: 'refresh_token', clientId: tenant.clientId, params: { refresh_token: String(token) } },
      Date.now() + seconds * 1000,
    ).catch((error: unknown) => {
      if (error instanceof OAuthError) return { status: error.status, ...error.body };
      throw error;
    });
  const newToken = (answer: TokenResponse | object) => (answer as TokenResponse).refresh_token;

  it('rotation: an exchange answers a new access token, id_token and refresh token (Refresh Token Rotation)', async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    const answer = await refresh(tenant, first.refresh_token);
    expect(answer.status).withContext(answer.text).toBe(200);
    expect(Object.keys(answer.body)).toEqual(TOKEN_RESPONSE_FIELDS);
    expect(answer.body.refresh_token === first.refresh_token).toBeFalse();
    expect(decodeJwt(String(answer.body.access_token)).aud).toContain(tenant.audience);
    expect(decodeJwt(String(answer.body.id_token)).nonce).toBeUndefined();
    // Update Access Token Lifetime: the API's token_lifetime, as for the code.
    expect(answer.body.expires_in).toBe(86400);
  });

  it('within the leeway only the previous token may be exchanged again, and gets a new one (Configure Refresh Token Rotation)', async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    const second = newToken(await at(first.refresh_token, 1));
    const again = await at(first.refresh_token, LEEWAY - 1);
    expect(newToken(again)).toMatch(/^[\w-]{40,}$/);
    expect(newToken(again)).not.toBe(second);
    expect(newToken(await at(newToken(again), LEEWAY))).toBeDefined();
  });

  it('an older token, even within the leeway, is reuse: the whole grant is revoked, the newest token included (Refresh Token Rotation)', async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    const second = newToken(await at(first.refresh_token, 1));
    const third = newToken(await at(second, 2));
    expect(await at(first.refresh_token, 3)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
    expect(await at(third, 4)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
    const lines = log.calls.allArgs().map(([line]) => String(line));
    expect(lines).toContain(
      'dev tenant: refresh token refused for client local-dev-spa: already rotated (reuse detection): every refresh token of this user for this client and API is now revoked, the newest included.',
    );
    expect(lines.some((line) => line.includes(String(first.refresh_token)))).toBeFalse();
  });

  it('the previous token after the leeway is reuse too, and revokes every family of that user, client and API (Refresh Token Rotation)', async () => {
    const mine = await loginWithRefreshToken(tenant, 'reader@example.com');
    const otherTab = await loginWithRefreshToken(tenant, 'reader@example.com');
    const someoneElse = await loginWithRefreshToken(tenant, 'admin@example.com');
    const rotated = newToken(await at(mine.refresh_token, 1));
    expect(await at(mine.refresh_token, LEEWAY + 2)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
    expect(await at(rotated, LEEWAY + 3)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
    expect(await at(otherTab.refresh_token, LEEWAY + 3)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
    expect(newToken(await at(someoneElse.refresh_token, LEEWAY + 3))).toBeDefined();
  });

  it('the absolute lifetime is fixed at the first token and does not grow with rotation (Configure Refresh Token Expiration)', async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    let token = first.refresh_token;
    // Exchanged well within the idle lifetime each time, until past the absolute one.
    for (const seconds of [250, 500, 750, ABSOLUTE - 5]) token = newToken(await at(token, seconds));
    expect(token).toBeDefined();
    expect(await at(token, ABSOLUTE + 1)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
  });

  it('the idle lifetime restarts at every exchange (Configure Refresh Token Expiration)', async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    const second = newToken(await at(first.refresh_token, IDLE - 10));
    // IDLE - 10 + IDLE - 10: long after the login, but within IDLE of the last exchange.
    const third = newToken(await at(second, 2 * IDLE - 20));
    expect(third).toBeDefined();
    expect(await at(third, 3 * IDLE - 20 + 1)).toEqual({ status: 403, ...INVALID_REFRESH_TOKEN });
  });

  it('a role given meanwhile reaches the refreshed tokens: the post-login actions run at a refresh, as in Auth0', async () => {
    const first = await loginWithRefreshToken(tenant, 'guest@example.com');
    expect(first.scope).not.toContain('read:messages');
    const guest = tenant.context.users.findByEmail('guest@example.com')!;
    tenant.context.users.replace({ ...guest, roles: ['reader'] });
    try {
      const answer = await refresh(tenant, first.refresh_token);
      expect(answer.body.scope).toContain('read:messages');
      expect(decodeJwt(String(answer.body.id_token))['https://quickstarts/roles']).toEqual(['reader']);
    } finally {
      tenant.context.users.replace(guest);
    }
  });
});
