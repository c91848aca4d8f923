// The browser's side of the dev tenant's specs: /authorize URLs as auth0-js builds them, the login
// form posted as a person would, and the two response formats read back (fragment, web_message page).
import { REQUESTED_SCOPE } from '../config/load-config';
import { cookiesOf } from '../dev/tenant-client/log-in';
import { DEFAULT_USER_PASSWORD } from '../dev/tenant/model/tenant-users';
import type { RunningDevTenant } from './dev-tenant';

/** The URL auth0-js's authorize() builds for the app; `undefined` in `overrides` leaves a parameter out. */
export function authorizeUrl(tenant: RunningDevTenant, overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    client_id: tenant.clientId,
    response_type: 'token id_token',
    redirect_uri: `${tenant.appOrigin}/callback`,
    scope: REQUESTED_SCOPE,
    audience: tenant.audience,
    state: 'state-123',
    nonce: 'nonce-456',
    auth0Client: 'eyJuYW1lIjoiYXV0aDAuanMifQ',
    ...overrides,
  };
  const url = new URL('/authorize', tenant.url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}

export function get(url: string, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
}

// The cookies each login's /authorize set, by tx: postLogin sends them back as the browser would.
const loginCookies = new Map<string, string>();

export interface PostLoginOptions {
  /** Default: the cookies /authorize set when startLogin began this `tx` (what the browser holds). */
  cookie?: string;
  /** e.g. Origin or Sec-Fetch-Site, as a browser sends them. */
  headers?: Record<string, string>;
}

export function postLogin(
  tenant: RunningDevTenant,
  form: Record<string, string>,
  { cookie = loginCookies.get(form.tx ?? ''), headers = {} }: PostLoginOptions = {},
): Promise<Response> {
  return fetch(`${tenant.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
    body: new URLSearchParams(form),
  });
}

/** The `tx` of the login page /authorize redirected to (its cookies are kept for postLogin). */
export async function startLogin(tenant: RunningDevTenant, url = authorizeUrl(tenant)): Promise<string> {
  const response = await get(url);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '', tenant.url);
  expect(location.pathname).toBe('/login');
  const tx = location.searchParams.get('tx') ?? '';
  loginCookies.set(tx, cookiesOf(response));
  return tx;
}

/** Logs in through the form; returns the final redirect and the session cookie (`name=value`). */
export async function logIn(
  tenant: RunningDevTenant,
  email: string,
  url = authorizeUrl(tenant),
): Promise<{ location: string; cookie: string; response: Response }> {
  const tx = await startLogin(tenant, url);
  const response = await postLogin(tenant, { tx, username: email, password: DEFAULT_USER_PASSWORD });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('dev_tenant_session='));
  return { location: response.headers.get('location') ?? '', cookie: session?.split(';', 1)[0] ?? '', response };
}

export function fragmentOf(location: string): URLSearchParams {
  const hash = location.indexOf('#');
  return new URLSearchParams(hash === -1 ? '' : location.slice(hash + 1));
}

/** The message and target origin of a web_message page's parent.postMessage(...) call. */
export function webMessageOf(html: string): {
  message: { type: string; response: Record<string, unknown> };
  targetOrigin: string;
} {
  const match = /parent\.postMessage\((\{.*\}), ("[^"]*")\);/.exec(html);
  if (!match) throw new Error('no postMessage call in the page');
  return {
    message: JSON.parse(match[1]) as { type: string; response: Record<string, unknown> },
    targetOrigin: JSON.parse(match[2]) as string,
  };
}

/** A browser's CORS preflight: `origin` asks whether it may send `method` with `requestHeaders` (comma-separated). */
export function corsPreflight(url: string, origin: string, method: string, requestHeaders: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': requestHeaders,
    },
  });
}
