// Logs a demo user in to a running dev tenant over plain HTTP, as a browser would: /authorize, the
// login form, the redirect to the callback with the tokens in its fragment. `npm run -s token` and
// the doctor's round trip get their tokens this way, without a browser. It only uses what a
// browser sees, so the tenant's refusals are read off its pages by the ids in dev/tenant/shared/page-ids.ts,
// and it carries the cookies the tenant sets (the login's own cookie is required on the form post).
import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { DEV_TENANT_CLIENT_ID, REQUESTED_SCOPE } from '../../config/load-config';
import { unescapeHtml } from '../tenant/shared/html';
import { PAGE_IDS } from '../tenant/shared/page-ids';

export interface GetTokensParams {
  username: string;
  password: string;
  /** Default DEV_TENANT_CLIENT_ID. */
  clientId?: string;
  redirectUri: string;
  /** Omit to get an opaque access token, as from Auth0 without an audience. */
  audience?: string;
  /** Default REQUESTED_SCOPE, what the app asks for. */
  scope?: string;
}

export interface DevTenantTokens {
  accessToken: string;
  idToken: string;
  scope: string;
  expiresIn: number;
}

/** The tenant refused: `error` and `errorDescription` are what it answered. */
export class DevTenantError extends Error {
  override name = 'DevTenantError';
  constructor(
    readonly error: string,
    readonly errorDescription: string,
  ) {
    super(`${error}: ${errorDescription}`);
  }
}

/** The text of the element with this id, as the pages write it: `id="..."`, then text only. */
function textOfElement(html: string, id: string): string | undefined {
  const match = new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html);
  return match ? unescapeHtml(match[1]) : undefined;
}

async function errorFromPage(response: Response, step: string): Promise<DevTenantError> {
  const html = await response.text();
  // Wrong credentials or a blocked account give the login form again, with a message and its code.
  const loginError = textOfElement(html, PAGE_IDS.loginError);
  if (loginError) {
    const code = new RegExp(`id="${PAGE_IDS.loginError}" data-error="([\\w-]+)"`).exec(html)?.[1];
    return new DevTenantError(code ?? 'access_denied', loginError);
  }
  return new DevTenantError(
    textOfElement(html, PAGE_IDS.errorCode) ?? `http_${response.status}`,
    textOfElement(html, PAGE_IDS.errorDescription) ?? `${step} answered HTTP ${response.status}.`,
  );
}

/** The `name=value` pairs a browser would send back, from the Set-Cookie headers of `response`. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0])
    .join('; ');
}

function locationOf(response: Response, base: string): string | undefined {
  const location = response.headers.get('location');
  return response.status >= 300 && response.status < 400 && location ? new URL(location, base).href : undefined;
}

function parseCallback(location: string, redirectUri: string, state: string, nonce: string): DevTenantTokens {
  const [target, fragment = ''] = location.split('#', 2);
  if (target !== redirectUri) {
    throw new DevTenantError('unexpected_redirect', `Expected a redirect to ${redirectUri}, got one to ${target}.`);
  }
  const params = new URLSearchParams(fragment);
  const error = params.get('error');
  if (error) throw new DevTenantError(error, params.get('error_description') ?? '');
  if (params.get('state') !== state)
    throw new DevTenantError('invalid_state', 'The state in the response does not match.');
  const accessToken = params.get('access_token');
  const idToken = params.get('id_token');
  if (!accessToken || !idToken)
    throw new DevTenantError('invalid_response', 'The response lacks access_token or id_token.');
  if (decodeJwt(idToken).nonce !== nonce)
    throw new DevTenantError('invalid_nonce', 'The id_token nonce does not match.');
  return {
    accessToken,
    idToken,
    scope: params.get('scope') ?? '',
    expiresIn: Number(params.get('expires_in')),
  };
}

/**
 * Rejects with DevTenantError when the tenant refuses (its error code and sentence); any other
 * rejection means the tenant could not be reached.
 */
export async function getTokensForUser(tenantUrl: string, params: GetTokensParams): Promise<DevTenantTokens> {
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const authorizeUrl = new URL('/authorize', tenantUrl);
  const query: Record<string, string | undefined> = {
    client_id: params.clientId ?? DEV_TENANT_CLIENT_ID,
    response_type: 'token id_token',
    redirect_uri: params.redirectUri,
    scope: params.scope ?? REQUESTED_SCOPE,
    audience: params.audience,
    state,
    nonce,
  };
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) authorizeUrl.searchParams.set(name, value);
  }

  return parseCallback(await redirectAfterLogin(tenantUrl, authorizeUrl, params), params.redirectUri, state, nonce);
}

/**
 * /authorize, then its login form as a person fills it in: the URL the tenant finally redirects to
 * (the client's redirect_uri, with the answer). Rejects with DevTenantError when a page refuses.
 */
export async function redirectAfterLogin(
  tenantUrl: string,
  authorizeUrl: URL,
  credentials: { username: string; password: string },
): Promise<string> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const loginUrl = locationOf(authorize, authorizeUrl.href);
  if (!loginUrl) throw await errorFromPage(authorize, 'GET /authorize');
  // Not the login form: the tenant answered the client straight away (an error such as an unknown audience).
  if (!loginUrl.startsWith(new URL('/login', tenantUrl).href)) return loginUrl;

  const loginPage = await fetch(loginUrl, { redirect: 'manual' });
  if (loginPage.status !== 200) throw await errorFromPage(loginPage, 'GET /login');
  await loginPage.text(); // drained, so the connection is released; what the form carries (tx) is in the URL

  const tx = new URL(loginUrl).searchParams.get('tx') ?? '';
  const submit = await fetch(new URL('/login', tenantUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(authorize) },
    body: new URLSearchParams({ tx, username: credentials.username, password: credentials.password }),
  });
  const callback = locationOf(submit, tenantUrl);
  if (!callback) throw await errorFromPage(submit, 'POST /login');
  return callback;
}
