// Ids the tenant file does not give, derived from what it does give, so that they stay the same
// across restarts (tokens, sessions and saved changes refer to them).
import { createHash } from 'node:crypto';

function digest(value: string, length: number): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, length);
}

/** `rol_` and 16 characters, the shape of Auth0's role ids. */
export function roleId(name: string): string {
  return `rol_${digest(`role:${name}`, 16)}`;
}

/**
 * `auth0|<id>`: bulk import's user_id is given without the connection's prefix and Auth0 prepends
 * it; an id that already has one (copied from a real tenant, `auth0|...`) is kept as is.
 */
export function userId(given: string | undefined, email: string): string {
  if (given === undefined) return `auth0|${digest(`user:${email}`, 24)}`;
  return given.includes('|') ? given : `auth0|${given}`;
}
