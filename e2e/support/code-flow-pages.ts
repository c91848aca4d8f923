// For the code flow's browser scenarios: the token requests a page (and its token worker) sends,
// and what the page keeps in its storage.
import { setTimeout as delay } from 'node:timers/promises';
import type { E2eContext } from './driver/e2e-browser';
import type { E2ePage } from './driver/e2e-page';
import type { Stack } from './stack';

export const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;

export interface TokenRequests {
  /** The grant_type of every POST to the tenant's /oauth/token so far, in order (the worker's included). */
  grants(): Promise<string[]>;
  /** Waits until more than `count` refresh_token exchanges have been sent; fails after `timeoutMs`. */
  waitForRefreshes(count: number, timeoutMs: number): Promise<void>;
  /** How many POSTs to the tenant's /oauth/revoke so far. */
  revoked(): number;
}

export function watchTokenRequests(page: E2ePage, stack: Stack): TokenRequests {
  // The bodies are read as the requests leave (CORS preflights are requests of their own: POSTs only).
  const token: Promise<string | undefined>[] = [];
  let revoked = 0;
  page.onRequest((request) => {
    if (request.method() !== 'POST') return;
    if (request.url() === `${stack.tenantOrigin}/oauth/token`) token.push(request.body());
    if (request.url() === `${stack.tenantOrigin}/oauth/revoke`) revoked += 1;
  });
  const grants = async () =>
    (await Promise.all(token)).map((body) => new URLSearchParams(body ?? '').get('grant_type') ?? '?');
  return {
    grants,
    async waitForRefreshes(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while ((await grants()).filter((grant) => grant === 'refresh_token').length <= count) {
        if (Date.now() > deadline) throw new Error(`no refresh_token exchange within ${timeoutMs} ms`);
        await delay(50);
      }
    },
    revoked: () => revoked,
  };
}

/** Everything the page keeps: localStorage, sessionStorage and the context's cookies, as one string. */
export async function storedByPage(page: E2ePage, context: E2eContext): Promise<string> {
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
  );
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
  return `${stored}\n${cookies}`;
}

/** auth0-spa-js's localStorage entry for the app's API: its refresh token (AUTH_CACHE=localstorage). */
export async function storedRefreshToken(page: E2ePage): Promise<string> {
  const entries = await page.evaluate(() => Object.entries(localStorage) as [string, string][]);
  const entry = entries.find(
    ([key]) => key.startsWith('@@auth0spajs@@::') && key.includes('::https://quickstarts/api::'),
  );
  const body = entry ? (JSON.parse(entry[1]) as { body?: { refresh_token?: string } }).body : undefined;
  return body?.refresh_token ?? '';
}

/** A refresh token exchange from outside the browser, as someone who copied the token would send it. */
export async function replay(stack: Stack, refreshToken: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.tenantOrigin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'local-dev-spa', refresh_token: refreshToken }),
  });
  return { status: response.status, body: await response.json() };
}
