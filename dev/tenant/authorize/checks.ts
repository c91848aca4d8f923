// Validation of an /authorize request, in the order Auth0 applies it. First what decides whether a
// redirect is safe at all (the client, its redirect_uri, its web origin): a refusal there is the
// tenant's error page. Then the checks whose refusals go back to the client, as an ordered list
// (node-oidc-provider keeps one check_*.js per step): another flow adds its checks to that list.
import { findClient, findResourceServer } from '../model/lookups';
import { parseScope } from '../model/grant-scopes';
import type { ResourceServer, TenantClient, TenantModel } from '../model/tenant-model';
import { OAuthError } from '../shared/oauth-error';
import type { ResponseTarget } from '../shared/response-target';
import { isResponseMode, RESPONSE_MODE_NAMES } from './response-modes';
import { responseTypeOf } from './response-types';

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
  const responseMode = params.response_mode === 'web_message' ? 'web_message' : 'fragment';
  const origin = new URL(redirectUri).origin;
  if (responseMode === 'web_message' && !client.webOrigins.includes(origin)) {
    throw refuse(
      'unauthorized_client',
      `Origin ${origin} is not in the allowed web origins of client ${client.clientId}.`,
    );
  }
  return { redirectUri, responseMode, state: params.state };
}

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
        `Unsupported response type: ${params.response_type} (the dev tenant supports the implicit flow: token id_token, token, id_token).`,
      );
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
    requestedScopes: requestedScopes(params),
    audience: params.audience,
    resourceServer: findResourceServer(tenant, params.audience),
    nonce: params.nonce,
    prompt: params.prompt,
  };
}
