// For the code flow's browser scenarios: the token requests a page (and its token worker) sends,
// and what the page keeps in its storage.
import type { Page, Request } from 'playwright-core';
import type { Stack } from './stack';

export const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;

/** The form fields of every POST to the tenant's /oauth/token and /oauth/revoke, in order (the worker's included). */
export function watchTokenRequests(page: Page, stack: Stack): { grants: () => string[]; revoked: () => number } {
  const token: Request[] = [];
  const revoke: Request[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST') return;
    if (request.url() === `${stack.tenantOrigin}/oauth/token`) token.push(request);
    if (request.url() === `${stack.tenantOrigin}/oauth/revoke`) revoke.push(request);
  });
  return {
    grants: () => token.map((request) => new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '?'),
    revoked: () => revoke.length,
  };
}

/** Everything the page keeps: localStorage, sessionStorage and its cookies, as one string. */
export async function storedByPage(page: Page): Promise<string> {
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]),
  );
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
  return `${stored}\n${cookies}`;
}

/** auth0-spa-js's localStorage entry for the app's API: its refresh token (AUTH_CACHE=localstorage). */
export async function storedRefreshToken(page: Page): Promise<string> {
  const entries: [string, string][] = await page.evaluate(() => Object.entries(localStorage) as [string, string][]);
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
