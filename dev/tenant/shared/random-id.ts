// One recipe for every secret identifier the tenant hands out (session cookies, login
// transactions, opaque tokens, CSP nonces): unguessable, and safe in URLs, cookies and headers.
import { randomBytes } from 'node:crypto';

/** An unguessable identifier, URL- and cookie-safe. `bytes` = 24 gives 32 characters. */
export function randomId(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
