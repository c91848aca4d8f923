// Calls to the tenant's Management API (`<issuer>api/v2/`) with the API's own client-credentials
// token: the token is cached (token-cache.ts), fetched again once when the Management API answers
// 401 (revoked, or the tenant's key rotated), and every failure becomes a ProxyError.
import { requestClientCredentialsToken } from './client-credentials';
import { managementRequestRefused } from './tenant-failures';
import { callTenant } from './tenant-request';
import { createTokenCache, type TokenCacheOptions } from './token-cache';

export interface ManagementApiOptions extends TokenCacheOptions {
  /** The tenant's issuer, `https://TENANT/` (trailing slash): the token endpoint and the Management API are under it. */
  issuer: string;
  /** AUTH0_M2M_CLIENT_ID / AUTH0_M2M_CLIENT_SECRET: the API's machine-to-machine application. */
  clientId: string;
  clientSecret: string;
  /** Time limit of each request to the tenant. Default 5000. */
  timeoutMs?: number;
}

export interface ManagementRequest {
  /** Path segments under /api/v2/, each encoded here: ['users', userId, 'roles']. */
  path: string[];
  query?: Record<string, string>;
  body?: unknown;
  /** What a 404 (no such user) stands for: a value to resolve with, or a ProxyError to throw. Default a 502. */
  onNotFound?: () => unknown;
}

export interface ManagementApi {
  /** The parsed JSON answer (undefined for an empty one), or a rejection with a ProxyError. */
  call(method: 'GET' | 'POST' | 'DELETE', request: ManagementRequest): Promise<unknown>;
}

export function createManagementApi({
  issuer,
  clientId,
  clientSecret,
  timeoutMs = 5000,
  ...cacheOptions
}: ManagementApiOptions): ManagementApi {
  const audience = `${issuer}api/v2/`;
  const tokens = createTokenCache(
    () =>
      requestClientCredentialsToken({ tokenUrl: `${issuer}oauth/token`, clientId, clientSecret, audience, timeoutMs }),
    cacheOptions,
  );

  return {
    async call(method, { path, query, body, onNotFound }) {
      // Client input only ever reaches the URL as an encoded path segment or query value.
      const url = new URL(path.map(encodeURIComponent).join('/'), audience);
      for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
      const what = `${method} ${url.pathname}`;
      for (let attempt = 1; ; attempt += 1) {
        const token = await tokens.get();
        const answer = await callTenant({
          method,
          url: url.href,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          timeoutMs,
          what,
        });
        if (answer.status >= 200 && answer.status <= 299) return answer.body;
        // A 401 is decided before the request is carried out, so repeating it (a POST too) is safe.
        if (answer.status === 401 && attempt === 1) {
          tokens.invalidate(token);
          continue;
        }
        // A scope added to the grant reaches only new tokens: the next request fetches one.
        if (
          answer.status === 403 &&
          (answer.body as { errorCode?: unknown } | undefined)?.errorCode === 'insufficient_scope'
        ) {
          tokens.invalidate(token);
        }
        if (answer.status === 404 && onNotFound) return onNotFound();
        throw managementRequestRefused(answer, what, attempt > 1);
      }
    },
  };
}
