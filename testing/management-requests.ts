// For specs: tokens from a running dev tenant (client credentials, users' logins for any audience)
// and calls to its Management API, each answer read back with its status, headers and JSON.
import { DEV_TENANT_M2M_CLIENT_ID, DEV_TENANT_M2M_CLIENT_SECRET } from '../config/load-config';
import type { RunningDevTenant } from './dev-tenant';
import type { TenantDoc } from './tenant-files';
import { authorizeUrl, fragmentOf, logIn } from './tenant-requests';

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: specs that expect JSON fail on `body`
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function managementAudience(tenant: RunningDevTenant): string {
  return `${tenant.issuer}api/v2/`;
}

/** POST /oauth/token with a form (an object) or exactly the given body and headers. */
export async function postToken(
  tenant: RunningDevTenant,
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = typeof body !== 'string';
  return answerOf(
    await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      body: form ? new URLSearchParams(body) : body,
    }),
  );
}

/** A client-credentials access token; fails the spec when the tenant refuses. */
export async function clientToken(
  tenant: RunningDevTenant,
  params: { clientId: string; clientSecret: string; audience: string; scope?: string },
): Promise<string> {
  const answer = await postToken(tenant, {
    grant_type: 'client_credentials',
    client_id: params.clientId,
    client_secret: params.clientSecret,
    audience: params.audience,
    ...(params.scope !== undefined ? { scope: params.scope } : {}),
  });
  expect(answer.status).withContext(answer.text).toBe(200);
  return String(answer.body.access_token);
}

/** A user's tokens from a login through /authorize, as the SPA gets them. */
export async function userTokens(
  tenant: RunningDevTenant,
  email: string,
  params: Record<string, string | undefined>,
): Promise<{ accessToken: string; idToken: string; scope: string }> {
  const fragment = fragmentOf((await logIn(tenant, email, authorizeUrl(tenant, params))).location);
  expect(fragment.get('error_description')).toBeNull();
  return {
    accessToken: fragment.get('access_token') ?? '',
    idToken: fragment.get('id_token') ?? '',
    scope: fragment.get('scope') ?? '',
  };
}

/** A call to the Management API: `path` after /api/v2, a JSON body when given. */
export async function management(
  tenant: RunningDevTenant,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  return answerOf(
    await fetch(`${tenant.url}/api/v2${path}`, {
      method,
      headers,
      ...(options.body !== undefined
        ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
        : {}),
    }),
  );
}

/** The path segment of a user id, as a client encodes it (`auth0|x` → `auth0%7Cx`). */
export function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}

/**
 * A spec's own client that may change any user's metadata (update:users), which the shipped M2M
 * client may not: it has exactly the scopes the API's users proxy uses.
 */
const USER_EDITOR = { client_id: 'spec-user-editor', client_secret: 'spec-user-editor-secret' };

/** `doc` with USER_EDITOR added: the client, and its grant on the Management API (update:users and read:users). */
export function withUserEditor(doc: TenantDoc): TenantDoc {
  return {
    ...doc,
    clients: [...doc.clients, { name: 'Spec user editor', app_type: 'non_interactive', ...USER_EDITOR }],
    clientGrants: [
      ...((doc.clientGrants as unknown[] | undefined) ?? []),
      {
        client_id: USER_EDITOR.client_id,
        audience: '##DEV_TENANT_ORIGIN##/api/v2/',
        scope: ['read:users', 'update:users'],
      },
    ],
  };
}

/** A Management API token of USER_EDITOR (the tenant must come from a withUserEditor() file). */
export function userEditorToken(tenant: RunningDevTenant): Promise<string> {
  return clientToken(tenant, {
    clientId: USER_EDITOR.client_id,
    clientSecret: USER_EDITOR.client_secret,
    audience: managementAudience(tenant),
  });
}

/** A Management API token of the default tenant file's M2M client (its whole client grant, or `scope`). */
export function m2mManagementToken(tenant: RunningDevTenant, scope?: string): Promise<string> {
  return clientToken(tenant, {
    clientId: DEV_TENANT_M2M_CLIENT_ID,
    clientSecret: DEV_TENANT_M2M_CLIENT_SECRET,
    audience: managementAudience(tenant),
    ...(scope !== undefined ? { scope } : {}),
  });
}
