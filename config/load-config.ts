// One configuration for every process (dev tenant, API, client build, doctor), read from the
// environment. `.env` at the repository root is loaded by `loadDotEnv()` in each entry point.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEV_TENANT_CLIENT_ID = 'local-dev-spa';
export const DEFAULT_AUDIENCE = 'https://quickstarts/api';
/** What the app asks for at login: the OpenID Connect scopes plus every scope the API's routes check. */
export const REQUESTED_SCOPE = 'openid profile email read:messages write:messages';
/** The dev tenant's machine-to-machine client, the API's own for its Management API proxy (not a secret: dev only). */
export const DEV_TENANT_M2M_CLIENT_ID = 'local-dev-m2m';
export const DEV_TENANT_M2M_CLIENT_SECRET = 'dev-m2m-secret-not-for-production';

export interface AppConfig {
  /** True when AUTH0_DOMAIN is unset: the embedded dev tenant is the authorization server. */
  useDevTenant: boolean;
  /** Tenant origin without trailing slash, e.g. `https://my-tenant.us.auth0.com`. */
  domain: string;
  /** Exactly what the `iss` claim must equal: the origin plus `/`. */
  issuer: string;
  jwksUri: string;
  clientId: string;
  audience: string;
  /** The scope the app requests at login (REQUESTED_SCOPE). */
  scope: string;
  appPort: number;
  apiPort: number;
  devTenantPort: number;
  /** Lifetime of the dev tenant's access tokens (DEV_TENANT_TOKEN_TTL): short values show renewal and expiry. */
  devTenantTokenTtlSeconds: number;
  /** Origin the browser loads the app from (CORS allow-list default, dev tenant's registered URLs). */
  appOrigin: string;
  /** Origin of the API (API_ORIGIN, default http://localhost:API_PORT): the only origin the client sends the access token to. */
  apiOrigin: string;
  /** Origins allowed by the API's CORS policy: CORS_ORIGINS (comma separated) or the app's origin. */
  corsOrigins: string[];
  /**
   * The API's own machine-to-machine client (AUTH0_M2M_CLIENT_ID / AUTH0_M2M_CLIENT_SECRET), for its
   * Management API proxy: API process only, never in clientConfig(). Undefined with a real tenant and
   * neither variable set (the /api/users routes then answer 503, everything else works).
   */
  managementClient?: ManagementClientCredentials;
}

export interface ManagementClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** A configuration mistake; `message` is one line that says what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined; // a variable set to the empty string counts as unset
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number, what: string): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is not ${what} (${min}-${max}).`);
  }
  return value;
}

const readPort = (env: Env, name: string, fallback: number) =>
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

function parseOrigin(raw: string, what: string, example: string): string {
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

/** Both AUTH0_M2M_* or neither; the dev tenant's own client by default. */
function readManagementClient(
  env: Env,
  { useDevTenant, spaClientId }: { useDevTenant: boolean; spaClientId: string },
): ManagementClientCredentials | undefined {
  const clientId = read(env, 'AUTH0_M2M_CLIENT_ID');
  const clientSecret = read(env, 'AUTH0_M2M_CLIENT_SECRET');
  if (clientId === undefined && clientSecret === undefined) {
    return useDevTenant
      ? { clientId: DEV_TENANT_M2M_CLIENT_ID, clientSecret: DEV_TENANT_M2M_CLIENT_SECRET }
      : undefined;
  }
  if (clientId === undefined || clientSecret === undefined) {
    const [set, unset] = clientId === undefined ? ['SECRET', 'ID'] : ['ID', 'SECRET'];
    throw new ConfigError(
      `AUTH0_M2M_CLIENT_${set} is set but AUTH0_M2M_CLIENT_${unset} is not: set both (your Machine to Machine application's Settings), or neither.`,
    );
  }
  if (clientId === spaClientId) {
    throw new ConfigError(
      "AUTH0_M2M_CLIENT_ID is the SPA's client id (AUTH0_CLIENT_ID): the API needs a Machine to Machine application of its own.",
    );
  }
  if (!useDevTenant && clientId === DEV_TENANT_M2M_CLIENT_ID) {
    throw new ConfigError(
      `AUTH0_M2M_CLIENT_ID="${DEV_TENANT_M2M_CLIENT_ID}" is the dev tenant's client; set your Machine to Machine application's Client ID.`,
    );
  }
  return { clientId, clientSecret };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const appPort = readPort(env, 'APP_PORT', 3000);
  const apiPort = readPort(env, 'API_PORT', 3001);
  const devTenantPort = readPort(env, 'DEV_TENANT_PORT', 3002);
  const devTenantTokenTtlSeconds = readInteger(env, 'DEV_TENANT_TOKEN_TTL', 7200, 10, 86400, 'a number of seconds');
  const rawDomain = read(env, 'AUTH0_DOMAIN');
  const useDevTenant = rawDomain === undefined;
  const domain = useDevTenant ? `http://localhost:${devTenantPort}` : normalizeDomain(rawDomain);

  const clientId = read(env, 'AUTH0_CLIENT_ID') ?? (useDevTenant ? DEV_TENANT_CLIENT_ID : undefined);
  if (clientId === undefined) {
    throw new ConfigError(
      'AUTH0_CLIENT_ID is not set: copy the Client ID of your Single Page Application from the Auth0 dashboard.',
    );
  }
  const audience = read(env, 'AUTH0_AUDIENCE') ?? (useDevTenant ? DEFAULT_AUDIENCE : undefined);
  if (audience === undefined) {
    throw new ConfigError(
      'AUTH0_AUDIENCE is not set: use the Identifier of your API (Auth0 dashboard > Applications > APIs).',
    );
  }
  if (!useDevTenant && clientId === DEV_TENANT_CLIENT_ID) {
    throw new ConfigError(
      `AUTH0_CLIENT_ID="${DEV_TENANT_CLIENT_ID}" is the dev tenant's client; set your SPA's Client ID for ${domain}.`,
    );
  }

  const appOrigin = `http://localhost:${appPort}`;
  const corsOrigins = (read(env, 'CORS_ORIGINS') ?? appOrigin)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => parseOrigin(origin, 'CORS_ORIGINS entry', 'http://localhost:3000'));
  const rawApiOrigin = read(env, 'API_ORIGIN');
  // Where the browser reaches the API: localhost in development, the API's public URL in a build.
  const apiOrigin = rawApiOrigin
    ? parseOrigin(rawApiOrigin, 'API_ORIGIN', 'https://api.example.com')
    : `http://localhost:${apiPort}`;

  const issuer = `${domain}/`;
  return {
    useDevTenant,
    domain,
    issuer,
    jwksUri: `${issuer}.well-known/jwks.json`,
    clientId,
    audience,
    scope: REQUESTED_SCOPE,
    appPort,
    apiPort,
    devTenantPort,
    devTenantTokenTtlSeconds,
    appOrigin,
    apiOrigin,
    corsOrigins,
    managementClient: readManagementClient(env, { useDevTenant, spaClientId: clientId }),
  };
}

/**
 * What the browser bundle gets (webpack bakes it in as __AUTH_CONFIG__): public values only, a SPA's
 * client id and audience are not secrets. The tenant goes as the origin; the client's auth module
 * turns it into what auth0-js wants (client/app/auth/auth.options.ts), in that one place.
 */
export function clientConfig(config: AppConfig): {
  domain: string;
  clientID: string;
  audience: string;
  scope: string;
  apiOrigin: string;
} {
  return {
    domain: config.domain,
    clientID: config.clientId,
    audience: config.audience,
    scope: config.scope,
    apiOrigin: config.apiOrigin,
  };
}

/** Loads `.env` from the repository root into process.env (variables already set win). */
export function loadDotEnv(path = resolve(__dirname, '..', '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * Entry points call this: a configuration mistake prints its one line and exits with 1,
 * instead of a stack trace now or an unexplained 401 later.
 */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
