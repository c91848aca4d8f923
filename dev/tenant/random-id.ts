import { randomBytes } from 'node:crypto';

/** An unguessable identifier, URL- and cookie-safe. `bytes` = 24 gives 32 characters. */
export function randomId(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
