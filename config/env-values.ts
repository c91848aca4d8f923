// Reading the environment's values: each mistake is a ConfigError whose message is one line
// saying what to change.

/** A configuration mistake; `message` is one line that says what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined; // a variable set to the empty string counts as unset
}

export function readInteger<F extends number | undefined>(
  env: Env,
  name: string,
  fallback: F,
  min: number,
  max: number,
  what: string,
): number | F {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is not ${what} (${min}-${max}).`);
  }
  return value;
}

export const readPort = (env: Env, name: string, fallback: number) =>
  readInteger(env, name, fallback, 1, 65535, 'a port number');

/**
 * Turns AUTH0_DOMAIN into an origin. Accepted: a bare host (`my-tenant.us.auth0.com`, https is
 * meant), an https origin, or an http origin on a loopback host (a local tenant).
 */
export function normalizeDomain(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`AUTH0_DOMAIN="${raw}" is not a host name; expected e.g. my-tenant.us.auth0.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`AUTH0_DOMAIN="${raw}" must use https:// (or http:// for a loopback host).`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `AUTH0_DOMAIN="${raw}" must be a host only, without a path: use ${url.protocol === 'https:' ? url.host : url.origin}.`,
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError(`AUTH0_DOMAIN="${raw}" uses plain http on a non-loopback host; use https://${url.host}.`);
  }
  return url.origin;
}

export function parseOrigin(raw: string, what: string, example: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    throw new ConfigError(`${what} "${raw}" is not an origin (scheme, host and port only) such as ${example}.`);
  }
  return url.origin;
}
