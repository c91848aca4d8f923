import { DEV_TENANT_CLIENT_ID } from '../../../config/load-config';
import type { TenantModel } from '../model/tenant-model';
import { OAuthError } from '../shared/oauth-error';
import { DEFAULT_DEV_TENANT_FILE } from '../../../config/dev-tenant-file';
import { SPEC_ISSUER, SPEC_KEYWORDS } from '../../../testing/tenant-files';
import { readTenantFile } from '../tenant-file/read-tenant-file';
import { readAuthorizeRequest } from './checks';

/** 'ok', or how the refusal is answered: the error page, or back to the client (with its mode). */
function outcome(tenant: TenantModel, query: Record<string, unknown>) {
  try {
    readAuthorizeRequest(tenant, query);
    return { kind: 'ok' };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const { target } = error.options;
    return target ? { kind: 'client-error', error: error.error, mode: target.responseMode } : { kind: 'page-error' };
  }
}

describe('readAuthorizeRequest', () => {
  const issuer = SPEC_ISSUER;
  const base = readTenantFile(DEFAULT_DEV_TENANT_FILE, { issuer, keywords: SPEC_KEYWORDS });
  const query = {
    client_id: DEV_TENANT_CLIENT_ID,
    response_type: 'token id_token',
    redirect_uri: 'http://localhost:3000/callback',
    response_mode: 'web_message',
    prompt: 'none',
    scope: 'openid',
    state: 's',
    nonce: 'n',
  };

  it('accepts a web_message request from a registered web origin', () => {
    expect(outcome(base, query).kind).toBe('ok');
  });

  it('refuses web_message with an error page when the callback origin is not an allowed web origin', () => {
    // A callback may be allowed without its origin being an allowed web origin (two lists in Auth0).
    const tenant: TenantModel = { ...base, clients: base.clients.map((client) => ({ ...client, webOrigins: [] })) };
    const result = outcome(tenant, query);
    expect(result.kind).toBe('page-error');
    expect(outcome(tenant, { ...query, response_mode: undefined }).kind).toBe('ok');
  });

  it('answers an unsupported response_mode through the fragment', () => {
    const result = outcome(base, { ...query, response_mode: 'form_post' });
    expect(result).toEqual({ kind: 'client-error', error: 'invalid_request', mode: 'fragment' });
  });

  it('requires openid in the scope for an id_token', () => {
    const result = outcome(base, { ...query, scope: 'profile' });
    expect(result).toEqual({ kind: 'client-error', error: 'invalid_request', mode: 'web_message' });
  });
});
