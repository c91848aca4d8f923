// Validation of an /authorize request, in the order Auth0 applies it. First what decides whether a
// redirect is safe at all (the client, its redirect_uri, its web origin): a refusal there is the
// tenant's error page. Then the checks whose refusals go back to the client, as an ordered list
// (node-oidc-provider keeps one check_*.js per step): another flow adds its checks to that list.
import { findClient, findResourceServer } from '../model/lookups';
import { parseScope } from '../model/grant-scopes';
import type { ResourceServer, TenantClient, TenantModel } from '../model/tenant-model';
import { OAuthError } from '../shared/oauth-error';
import type { ResponseMode, ResponseTarget } from '../shared/response-target';
import { isResponseMode, RESPONSE_MODE_NAMES } from './response-modes';
import { responseTypeOf } from './response-types';

export interface AuthorizeRequest extends ResponseTarget {
  client: TenantClient;
  wantsAccessToken: boolean;
  wantsIdToken: boolean;
  /** response_type=code: the answer is a code, redeemed at the token endpoint. */
  wantsCode: boolean;
  /** PKCE (S256): BASE64URL(SHA-256(code_verifier)). */
  codeChallenge?: string;
  requestedScopes: string[];
  audience?: string;
  /** The API of `audience`. */
  resourceServer?: ResourceServer;
  nonce?: string;
  prompt?: string;
}

/**
 * The login a refresh token stands for, as the post-login event describes it at a refresh: no new
 * response from /authorize (no response type), the login's redirect_uri, scopes and API.
 */
export function authorizeRequestOf(
  client: TenantClient,
  login: { redirectUri: string; requestedScopes: readonly string[]; api: ResourceServer },
): AuthorizeRequest {
  return {
    client,
    redirectUri: login.redirectUri,
    responseMode: 'query',
    wantsAccessToken: false,
    wantsIdToken: false,
    wantsCode: false,
    requestedScopes: [...login.requestedScopes],
    audience: login.api.identifier,
    resourceServer: login.api,
  };
}

/** Where the request's answer goes, its other fields left out. */
export function targetOf({ redirectUri, responseMode, state }: AuthorizeRequest): ResponseTarget {
  return { redirectUri, responseMode, state };
}

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
  'code_challenge',
  'code_challenge_method',
] as const;
type Params = Partial<Record<(typeof PARAMS)[number], string>>;

/** What each check after the page checks sees: the client is known, the parameters single-valued. */
interface ClientRequest {
  tenant: TenantModel;
  params: Params;
  client: TenantClient;
}

/** Where it is answered (page or client) is decided by whether it gets a target, below. */
const refuse = (error: string, description: string) => new OAuthError(400, error, description);

function readParams(query: Record<string, unknown>): Params {
  const params: Params = {};
  for (const name of PARAMS) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw refuse('invalid_request', `Parameter ${name} was given more than once.`);
    params[name] = value;
  }
  return params;
}

function registeredClient(tenant: TenantModel, params: Params): TenantClient {
  if (!params.client_id) throw refuse('invalid_request', 'Missing required parameter: client_id');
  const client = findClient(tenant, params.client_id);
  if (!client) throw refuse('invalid_request', `Unknown client: ${params.client_id}`);
  return client;
}

/** The client's redirect_uri, once it is one of its callbacks (and its origin a web origin for web_message). */
function registeredTarget(client: TenantClient, params: Params): ResponseTarget {
  const redirectUri = params.redirect_uri;
  if (!redirectUri) throw refuse('invalid_request', 'Missing required parameter: redirect_uri');
  if (!client.callbackUrls.includes(redirectUri)) {
    throw refuse(
      'unauthorized_client',
      `Callback URL mismatch. ${redirectUri} is not in the list of allowed callback URLs of client ${client.clientId} (${client.callbackUrls.join(', ')}).`,
    );
  }
  // An unsupported mode, or one the response type may not use, is refused below, in the type's default mode.
  const defaultMode = responseTypeOf(params.response_type)?.defaultMode ?? 'fragment';
  const requested = params.response_mode;
  const responseMode =
    requested !== undefined && isResponseMode(requested) && modeFits(requested, params) ? requested : defaultMode;
  const origin = new URL(redirectUri).origin;
  if (responseMode === 'web_message' && !client.webOrigins.includes(origin)) {
    throw refuse(
      'unauthorized_client',
      `Origin ${origin} is not in the allowed web origins of client ${client.clientId}.`,
    );
  }
  return { redirectUri, responseMode, state: params.state };
}

/** Tokens never travel in a URL's query (OAuth 2.0 Multiple Response Types, 3.0): `query` is for a code. */
function modeFits(mode: ResponseMode, params: Params): boolean {
  return mode !== 'query' || responseTypeOf(params.response_type)?.code !== false;
}

/** RFC 7636 4.2: the S256 challenge is 43 characters of base64url. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

const requestedScopes = (params: Params) => parseScope(params.scope ?? 'openid');
const wantsIdToken = (params: Params) => responseTypeOf(params.response_type)?.idToken === true;

/** In Auth0's order; each throws an OAuthError that goes back to the client. */
const REDIRECT_CHECKS: readonly ((request: ClientRequest) => void)[] = [
  function supportedResponseMode({ params }) {
    if (params.response_mode !== undefined && !isResponseMode(params.response_mode)) {
      throw refuse(
        'invalid_request',
        `Unsupported response_mode: ${params.response_mode} (the dev tenant answers with ${RESPONSE_MODE_NAMES.join(' or ')}).`,
      );
    }
  },
  function responseTypeGiven({ params }) {
    if (!params.response_type) throw refuse('invalid_request', 'Missing required parameter: response_type');
  },
  function grantTypeAllowed({ params, client }) {
    const grantType = responseTypeOf(params.response_type)?.grantType ?? 'implicit';
    // Auth0's answer when the application's Grant Types lack the flow's grant.
    if (!client.grantTypes.includes(grantType)) {
      throw refuse('unauthorized_client', `Grant type '${grantType}' not allowed for the client.`);
    }
  },
  function supportedResponseType({ params }) {
    if (!responseTypeOf(params.response_type)) {
      throw refuse(
        'unsupported_response_type',
        `Unsupported response type: ${params.response_type} (the dev tenant supports code, and the implicit flow's token id_token, token and id_token).`,
      );
    }
  },
  function responseModeFitsType({ params }) {
    const mode = params.response_mode;
    if (mode !== undefined && isResponseMode(mode) && !modeFits(mode, params)) {
      throw refuse(
        'invalid_request',
        `response_mode=query cannot carry the tokens of response_type=${params.response_type}; use fragment or web_message.`,
      );
    }
  },
  // Auth0's PKCE: S256 only ("the only one supported by Auth0 since [plain] is discouraged").
  function pkceForCode({ params }) {
    const challenge = params.code_challenge;
    const method = params.code_challenge_method;
    if (challenge === undefined && method === undefined) return;
    if (challenge === undefined) throw refuse('invalid_request', 'Missing required parameter: code_challenge');
    if (method !== 'S256') {
      throw refuse(
        'invalid_request',
        `Unsupported code_challenge_method: ${method ?? 'plain (the default when none is given)'}; Auth0 accepts S256 only.`,
      );
    }
    if (!S256_CHALLENGE.test(challenge)) {
      throw refuse('invalid_request', 'code_challenge must be BASE64URL(SHA-256(code_verifier)): 43 characters.');
    }
  },
  function openidForIdToken({ params }) {
    if (wantsIdToken(params) && !requestedScopes(params).includes('openid')) {
      throw refuse('invalid_request', 'The scope must include openid when response_type includes id_token.');
    }
  },
  function nonceForIdToken({ params }) {
    if (wantsIdToken(params) && !params.nonce) {
      throw refuse(
        'invalid_request',
        'Missing required parameter: nonce (required when response_type includes id_token).',
      );
    }
  },
  function knownAudience({ tenant, params }) {
    if (params.audience !== undefined && !findResourceServer(tenant, params.audience)) {
      throw refuse('access_denied', `Service not found: ${params.audience}`);
    }
  },
];

/**
 * The request, or a thrown OAuthError: without a target (the error page) while the redirect is not
 * known to be safe, with one (back to the client) after.
 */
export function readAuthorizeRequest(tenant: TenantModel, query: Record<string, unknown>): AuthorizeRequest {
  const params = readParams(query);
  const client = registeredClient(tenant, params);
  const target = registeredTarget(client, params);
  try {
    for (const check of REDIRECT_CHECKS) check({ tenant, params, client });
  } catch (error) {
    throw error instanceof OAuthError ? error.to(target) : error;
  }
  const responseType = responseTypeOf(params.response_type);
  return {
    ...target,
    client,
    wantsAccessToken: responseType?.accessToken === true,
    wantsIdToken: wantsIdToken(params),
    wantsCode: responseType?.code === true,
    ...(responseType?.code && params.code_challenge ? { codeChallenge: params.code_challenge } : {}),
    requestedScopes: requestedScopes(params),
    audience: params.audience,
    resourceServer: findResourceServer(tenant, params.audience),
    nonce: params.nonce,
    prompt: params.prompt,
  };
}
