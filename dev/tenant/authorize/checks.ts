// Validation of an /authorize request, in the order Auth0 applies it: first what decides whether
// a redirect is safe at all (client, redirect_uri, web origin), and only then the errors that
// may be sent back to the client.
import { findClient, findResourceServer } from '../model/lookups';
import type { ResourceServer, TenantClient, TenantModel } from '../model/tenant-model';
import { parseScope } from '../model/grant-scopes';

export type ResponseMode = 'fragment' | 'web_message';

/** Where and how an answer (tokens or error) goes back to the client. */
export interface ResponseTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

export interface AuthorizeRequest extends ResponseTarget {
  client: TenantClient;
  wantsAccessToken: boolean;
  wantsIdToken: boolean;
  requestedScopes: string[];
  audience?: string;
  /** The API of `audience`. */
  resourceServer?: ResourceServer;
  nonce?: string;
  prompt?: string;
}

export type AuthorizeValidation =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** Not safe to redirect: answer with an error page. */
  | { kind: 'page-error'; error: string; description: string }
  /** Sent back to the client's redirect_uri (fragment) or posted to its window (web_message). */
  | { kind: 'client-error'; target: ResponseTarget; error: string; description: string };

const PARAMS = [
  'client_id',
  'response_type',
  'response_mode',
  'redirect_uri',
  'scope',
  'audience',
  'state',
  'nonce',
  'prompt',
] as const;
type Param = (typeof PARAMS)[number];

const SUPPORTED_RESPONSE_TYPES = ['token id_token', 'id_token token', 'token', 'id_token'];

function readParams(query: Record<string, unknown>): Partial<Record<Param, string>> | Param {
  const params: Partial<Record<Param, string>> = {};
  for (const name of PARAMS) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') return name;
    params[name] = value;
  }
  return params;
}

export function validateAuthorizeRequest(tenant: TenantModel, query: Record<string, unknown>): AuthorizeValidation {
  const params = readParams(query);
  if (typeof params === 'string') {
    return {
      kind: 'page-error',
      error: 'invalid_request',
      description: `Parameter ${params} was given more than once.`,
    };
  }
  if (!params.client_id) {
    return { kind: 'page-error', error: 'invalid_request', description: 'Missing required parameter: client_id' };
  }
  const client = findClient(tenant, params.client_id);
  if (!client) {
    return { kind: 'page-error', error: 'invalid_request', description: `Unknown client: ${params.client_id}` };
  }
  if (!params.redirect_uri) {
    return { kind: 'page-error', error: 'invalid_request', description: 'Missing required parameter: redirect_uri' };
  }
  if (!client.callbackUrls.includes(params.redirect_uri)) {
    return {
      kind: 'page-error',
      error: 'unauthorized_client',
      description: `Callback URL mismatch. ${params.redirect_uri} is not in the list of allowed callback URLs of client ${client.clientId} (${client.callbackUrls.join(', ')}).`,
    };
  }
  const responseMode: ResponseMode = params.response_mode === 'web_message' ? 'web_message' : 'fragment';
  if (responseMode === 'web_message') {
    const origin = new URL(params.redirect_uri).origin;
    if (!client.webOrigins.includes(origin)) {
      return {
        kind: 'page-error',
        error: 'unauthorized_client',
        description: `Origin ${origin} is not in the allowed web origins of client ${client.clientId}.`,
      };
    }
  }

  const target: ResponseTarget = { redirectUri: params.redirect_uri, responseMode, state: params.state };
  const fail = (error: string, description: string): AuthorizeValidation => ({
    kind: 'client-error',
    target,
    error,
    description,
  });

  if (
    params.response_mode !== undefined &&
    params.response_mode !== 'fragment' &&
    params.response_mode !== 'web_message'
  ) {
    return fail(
      'invalid_request',
      `Unsupported response_mode: ${params.response_mode} (the dev tenant answers with fragment or web_message).`,
    );
  }
  if (!params.response_type) {
    return fail('invalid_request', 'Missing required parameter: response_type');
  }
  if (!client.grantTypes.includes('implicit')) {
    // Auth0's answer when the application's Grant Types lack Implicit.
    return fail('unauthorized_client', `Grant type 'implicit' not allowed for the client.`);
  }
  if (!SUPPORTED_RESPONSE_TYPES.includes(params.response_type)) {
    return fail(
      'unsupported_response_type',
      `Unsupported response type: ${params.response_type} (the dev tenant supports the implicit flow: token id_token, token, id_token).`,
    );
  }
  const responseTypes = params.response_type.split(' ');
  const wantsIdToken = responseTypes.includes('id_token');
  const requestedScopes = parseScope(params.scope ?? 'openid');
  if (wantsIdToken && !requestedScopes.includes('openid')) {
    return fail('invalid_request', 'The scope must include openid when response_type includes id_token.');
  }
  if (wantsIdToken && !params.nonce) {
    return fail(
      'invalid_request',
      'Missing required parameter: nonce (required when response_type includes id_token).',
    );
  }
  const resourceServer = findResourceServer(tenant, params.audience);
  if (params.audience !== undefined && !resourceServer) {
    return fail('access_denied', `Service not found: ${params.audience}`);
  }

  return {
    kind: 'ok',
    request: {
      ...target,
      client,
      wantsAccessToken: responseTypes.includes('token'),
      wantsIdToken,
      requestedScopes,
      audience: params.audience,
      resourceServer,
      nonce: params.nonce,
      prompt: params.prompt,
    },
  };
}
