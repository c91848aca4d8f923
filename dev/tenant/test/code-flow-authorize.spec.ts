// /authorize with response_type=code, as auth0-spa-js calls it: the code in the redirect's query
// (loginWithRedirect) or posted from the hidden iframe (getTokenSilently, web_message), and PKCE's
// S256 challenge. Auth0's pages: "Authorization Code Flow with Proof Key for Code Exchange (PKCE)"
// and "Call Your API Using the Authorization Code Flow with PKCE".
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { codeAuthorizeUrl, codeLogin, pkce, redeem } from '../../../testing/code-flow';
import { get, webMessageOf } from '../../../testing/tenant-requests';

describe('dev tenant /authorize with response_type=code', () => {
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant()));
  afterAll(() => tenant.close());

  const refusalIn = (location: string) => {
    const url = new URL(location);
    return { at: url.origin + url.pathname, query: Object.fromEntries(url.searchParams), hash: url.hash };
  };

  it('answers a code and the state in the query of the redirect_uri (response_mode=query, the default for code)', async () => {
    for (const mode of ['query', undefined]) {
      const { code, location } = await codeLogin(tenant, 'reader@example.com', { response_mode: mode });
      expect(location.origin + location.pathname).toBe(`${tenant.appOrigin}/callback`);
      expect(code).toMatch(/^[\w-]{32,}$/);
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.hash).toBe('');
      // Nothing but the code: tokens never travel in a URL in this flow.
      expect([...location.searchParams.keys()].sort()).toEqual(['code', 'state']);
    }
  });

  it('posts the code to the parent window with a session (web_message, prompt=none: the silent iframe)', async () => {
    const { cookie } = await codeLogin(tenant, 'reader@example.com');
    const pair = pkce();
    const response = await get(
      codeAuthorizeUrl(tenant, pair, { response_mode: 'web_message', prompt: 'none' }),
      cookie,
    );
    expect(response.status).toBe(200);
    const { message, targetOrigin } = webMessageOf(await response.text());
    expect(targetOrigin).toBe(tenant.appOrigin);
    expect(message.type).toBe('authorization_response');
    const answer = message.response as Record<string, string>;
    expect(Object.keys(answer).sort()).toEqual(['code', 'state']);
    expect((await redeem(tenant, answer.code, pair)).status).toBe(200);
  });

  it('posts login_required to the iframe without a session', async () => {
    const response = await get(codeAuthorizeUrl(tenant, pkce(), { response_mode: 'web_message', prompt: 'none' }));
    const { message } = webMessageOf(await response.text());
    expect(message.response).toEqual(jasmine.objectContaining({ error: 'login_required', state: 'state-123' }));
  });

  // "the only one supported by Auth0 since [plain] is discouraged": S256 only.
  it('refuses a plain or missing code_challenge_method, and a challenge that is no S256 digest, in the query', async () => {
    const pair = pkce();
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ code_challenge_method: 'plain' }, /^Unsupported code_challenge_method: plain; Auth0 accepts S256 only\.$/],
      [{ code_challenge_method: undefined }, /code_challenge_method: plain \(the default when none is given\)/],
      [{ code_challenge: 'too-short' }, /43 characters/],
      [{ code_challenge: undefined }, /^Missing required parameter: code_challenge$/],
    ];
    for (const [overrides, description] of cases) {
      const response = await get(codeAuthorizeUrl(tenant, pair, overrides));
      expect(response.status).toBe(302);
      const { at, query } = refusalIn(response.headers.get('location') ?? '');
      expect(at).toBe(`${tenant.appOrigin}/callback`);
      expect(query.error).withContext(JSON.stringify(overrides)).toBe('invalid_request');
      expect(query.error_description).withContext(JSON.stringify(overrides)).toMatch(description);
      expect(query.state).toBe('state-123');
    }
  });

  it('never answers tokens in a query: response_mode=query with the implicit flow is refused in the fragment', async () => {
    const response = await get(codeAuthorizeUrl(tenant, pkce(), { response_type: 'token id_token', nonce: 'n' }));
    const { query, hash } = refusalIn(response.headers.get('location') ?? '');
    expect(query).toEqual({});
    const fragment = new URLSearchParams(hash.slice(1));
    expect(fragment.get('error')).toBe('invalid_request');
    expect(fragment.get('error_description')).toMatch(/response_mode=query cannot carry the tokens/);
  });
});
