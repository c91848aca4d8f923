// For specs: the real API wired as server/main.ts wires it (requireAccessToken, the users proxy with
// its own client-credentials token) in front of a tenant given by its issuer, on a free port.
import { createApp } from '../server/app';
import { requireAccessToken } from '../server/auth';
import { createManagementApi } from '../server/management/management-client';
import { createUsersDirectory } from '../server/management/users-directory';
import { listen } from './listen';

export interface UsersProxyOptions {
  /** The tenant's issuer: it signs the users' tokens and serves /oauth/token and /api/v2/. */
  issuer: string;
  audience: string;
  /** The API's machine-to-machine client; undefined: not configured (the /api/users routes answer 503). */
  m2m?: { clientId: string; clientSecret: string };
  /** The token cache's clock (the users' tokens are checked on the real one). */
  managementNow?: () => number;
  timeoutMs?: number;
  /** What no answer may contain: the M2M secret, the tokens the tenant issued. */
  secrets?: () => string[];
}

export interface ProxyAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The JSON body; an error's fields, when it is one. */
  body: { error?: string; error_description?: string; code?: string; hint?: string; [field: string]: unknown };
}

export interface UsersProxyUnderTest {
  url: string;
  /** Resolves once the API has received `count` requests in all. */
  received(count: number): Promise<void>;
  call(method: string, path: string, options?: { bearer?: string; body?: unknown }): Promise<ProxyAnswer>;
  close(): Promise<void>;
}

export async function startUsersProxy(options: UsersProxyOptions): Promise<UsersProxyUnderTest> {
  const { issuer, audience, m2m, managementNow, timeoutMs, secrets = () => [] } = options;
  const checkAccessToken = requireAccessToken({ issuer, audience });
  const users = m2m && createUsersDirectory(createManagementApi({ issuer, ...m2m, now: managementNow, timeoutMs }));
  const app = createApp({ checkAccessToken, corsOrigins: ['http://localhost:3000'], users });
  let receivedCount = 0;
  let waiting: { count: number; resolve: () => void }[] = [];
  const api = await listen((req, res) => {
    receivedCount += 1;
    for (const { resolve } of waiting.filter(({ count }) => receivedCount >= count)) resolve();
    waiting = waiting.filter(({ count }) => receivedCount < count);
    void app(req, res);
  });
  return {
    url: api.url,
    received: (count) =>
      receivedCount >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve })),
    async call(method, path, { bearer, body } = {}) {
      const headers = new Headers();
      if (bearer) headers.set('authorization', `Bearer ${bearer}`);
      if (body !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const seen = [text, ...response.headers.values()].join('\n');
      for (const secret of [...(m2m ? [m2m.clientSecret] : []), ...secrets()]) {
        expect(seen.includes(secret)).withContext(`${method} ${path}: the answer holds a secret or token`).toBeFalse();
      }
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: JSON.parse(text) as ProxyAnswer['body'],
      };
    },
    close: () => api.close(),
  };
}
