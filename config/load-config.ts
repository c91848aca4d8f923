// One configuration for every process (dev tenant, API, client build, doctor), read from the
// environment. `.env` at the repository root is loaded by `loadDotEnv()` in each entry point.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAuthFlow, type AuthCache, type AuthFlowName } from './auth-flow';
import type { DevTenantFile } from './dev-tenant-contract';
import { devTenantFile, devTenantFilePath, readDevTenantRegistration } from './dev-tenant-file';
import { ConfigError, normalizeDomain, parseOrigin, read, readInteger, readPort, type Env } from './env-values';

export { ConfigError, normalizeDomain } from './env-values';

// What the default tenant file (dev-tenant.yaml) registers. With the dev tenant, the configuration
// takes the client, the audience and the scope from the tenant file in use (so another file works
// unchanged); these are its defaults, and the scope a real tenant's app asks for.
/** The app's client in the default tenant file. */
export const DEV_TENANT_CLIENT_ID = 'local-dev-spa';
/** The API identifier: AUTH0_AUDIENCE's default, and what the tenant file's ##AUTH0_AUDIENCE## stands for. */
export const DEFAULT_AUDIENCE = 'https://quickstarts/api';
/** What the app asks for at login: the OpenID Connect scopes plus every scope of the API. */
export const REQUESTED_SCOPE = 'openid profile email read:messages write:messages manage:users';
/** The default tenant file's machine-to-machine client (the API's own, for its Management API proxy; dev only, not a secret). */
export const DEV_TENANT_M2M_CLIENT_ID = 'local-dev-m2m';
export const DEV_TENANT_M2M_CLIENT_SECRET = 'dev-m2m-secret-not-for-production';

export interface AppConfig {
  /** True when AUTH0_DOMAIN is unset: the embedded dev tenant is the authorization server. */
  useDevTenant: boolean;
  /** AUTH_FLOW: the SPA's login flow, chosen at build time (one SDK per bundle). */
  authFlow: AuthFlowName;
  /** AUTH_CACHE: with the code flow, where auth0-spa-js keeps the tokens. */
  authCache: AuthCache;
  /** Tenant origin without trailing slash, e.g. `https://my-tenant.us.auth0.com`. */
  domain: string;
  /** Exactly what the `iss` claim must equal: the origin plus `/`. */
  issuer: string;
  jwksUri: string;
  clientId: string;
  audience: string;
  /** The scope the app requests at login: from the tenant file with the dev tenant, else REQUESTED_SCOPE. */
  scope: string;
  appPort: number;
  apiPort: number;
  devTenantPort: number;
  /**
   * The dev tenant's origin, `http://DEV_TENANT_HOST:DEV_TENANT_PORT` (it listens on 127.0.0.1 whatever
   * the name): `localhost` is the app's site, `127.0.0.1` another site, as a real tenant is.
   */
  devTenantOrigin: string;
  /** DEV_TENANT_TOKEN_TTL: every dev tenant access token's lifetime (short values show renewal and expiry); unset = each API's own. */
  devTenantTokenTtlSeconds?: number;
  /** The dev tenant's tenant file (DEV_TENANT_CONFIG) and its placeholders' values. */
  devTenant: DevTenantFile;
  /**
   * DEV_TENANT_DATA_DIR (absolute; relative to the working directory): where the dev tenant keeps its
   * signing key and the users' run-time changes. Default `.dev-tenant/` at the root (git-ignored);
   * the e2e tests give each stack a temporary one, so they never change a developer's demo users.
   */
  devTenantDataDir: string;
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

/** The names the dev tenant may go by: both reach it on 127.0.0.1, and only the second is another site than the app. */
const DEV_TENANT_HOSTS = ['localhost', '127.0.0.1'];

type AppRegistration = Pick<AppConfig, 'clientId' | 'audience' | 'scope'> & {
  managementClient?: ManagementClientCredentials;
};

/** A real tenant: the client and the API come from the variables, which are then required. */
function realTenantApp(env: Env, domain: string): AppRegistration {
  const clientId = read(env, 'AUTH0_CLIENT_ID');
  if (clientId === undefined) {
    throw new ConfigError(
      'AUTH0_CLIENT_ID is not set: copy the Client ID of your Single Page Application from the Auth0 dashboard.',
    );
  }
  const audience = read(env, 'AUTH0_AUDIENCE');
  if (audience === undefined) {
    throw new ConfigError(
      'AUTH0_AUDIENCE is not set: use the Identifier of your API (Auth0 dashboard > Applications > APIs).',
    );
  }
  if (clientId === DEV_TENANT_CLIENT_ID) {
    throw new ConfigError(
      `AUTH0_CLIENT_ID="${DEV_TENANT_CLIENT_ID}" is the dev tenant's client; set your SPA's Client ID for ${domain}.`,
    );
  }
  return { clientId, audience, scope: REQUESTED_SCOPE };
}

/** The dev tenant: what its tenant file registers (AUTH0_CLIENT_ID and AUTH0_AUDIENCE pick among them). */
function devTenantApp(env: Env, devTenant: DevTenantFile, issuer: string, flow: AuthFlowName): AppRegistration {
  const rawFile = read(env, 'DEV_TENANT_CONFIG');
  if (rawFile !== undefined && !existsSync(devTenant.file)) {
    throw new ConfigError(`DEV_TENANT_CONFIG="${rawFile}": no such file (a relative path starts at ${process.cwd()}).`);
  }
  const registration = readDevTenantRegistration(devTenant, issuer, {
    clientId: read(env, 'AUTH0_CLIENT_ID'),
    audience: read(env, 'AUTH0_AUDIENCE'),
    flow,
  });
  if ('problem' in registration) throw new ConfigError(registration.problem);
  return registration;
}

/** Both AUTH0_M2M_* or neither; with the dev tenant, by default the tenant file's own (if it has one). */
function readManagementClient(
  env: Env,
  { useDevTenant, app }: { useDevTenant: boolean; app: AppRegistration },
): ManagementClientCredentials | undefined {
  const clientId = read(env, 'AUTH0_M2M_CLIENT_ID');
  const clientSecret = read(env, 'AUTH0_M2M_CLIENT_SECRET');
  const spaClientId = app.clientId;
  if (clientId === undefined && clientSecret === undefined) return app.managementClient;
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
  const devTenantTokenTtlSeconds = readInteger(
    env,
    'DEV_TENANT_TOKEN_TTL',
    undefined,
    10,
    86400,
    'a number of seconds',
  );
  const { authFlow, authCache } = readAuthFlow(env);
  const rawDomain = read(env, 'AUTH0_DOMAIN');
  const useDevTenant = rawDomain === undefined;
  const devTenantHost = read(env, 'DEV_TENANT_HOST') ?? 'localhost';
  if (!DEV_TENANT_HOSTS.includes(devTenantHost)) {
    throw new ConfigError(
      `DEV_TENANT_HOST="${devTenantHost}" must be localhost or 127.0.0.1 (the dev tenant listens on 127.0.0.1 only).`,
    );
  }
  const devTenantOrigin = `http://${devTenantHost}:${devTenantPort}`;
  const domain = useDevTenant ? devTenantOrigin : normalizeDomain(rawDomain);
  const appOrigin = `http://localhost:${appPort}`;
  const devTenant = devTenantFile(devTenantFilePath(read(env, 'DEV_TENANT_CONFIG')), {
    appOrigin,
    devTenantOrigin,
    // With a real tenant, AUTH0_AUDIENCE is that tenant's API, not the dev tenant's.
    audience: (useDevTenant ? read(env, 'AUTH0_AUDIENCE') : undefined) ?? DEFAULT_AUDIENCE,
  });
  const app = useDevTenant ? devTenantApp(env, devTenant, `${domain}/`, authFlow) : realTenantApp(env, domain);
  const { clientId, audience, scope } = app;

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
    authFlow,
    authCache,
    domain,
    issuer,
    jwksUri: `${issuer}.well-known/jwks.json`,
    clientId,
    audience,
    scope,
    appPort,
    apiPort,
    devTenantPort,
    devTenantOrigin,
    devTenantTokenTtlSeconds,
    devTenant,
    devTenantDataDir: resolve(
      process.cwd(),
      read(env, 'DEV_TENANT_DATA_DIR') ?? resolve(__dirname, '..', '.dev-tenant'),
    ),
    appOrigin,
    apiOrigin,
    corsOrigins,
    managementClient: readManagementClient(env, { useDevTenant, app }),
  };
}

/**
 * What the browser bundle gets (webpack bakes it in as __AUTH_CONFIG__): public values only, a SPA's
 * client id and audience are not secrets. The tenant goes as the origin; the client's auth module
 * turns it into what the SDK wants (client/app/auth/auth.options.ts), in that one place. The code
 * flow's build also says where its tokens are kept.
 */
export function clientConfig(config: AppConfig): {
  domain: string;
  clientID: string;
  audience: string;
  scope: string;
  apiOrigin: string;
  cacheLocation?: AuthCache;
} {
  return {
    domain: config.domain,
    clientID: config.clientId,
    audience: config.audience,
    scope: config.scope,
    apiOrigin: config.apiOrigin,
    ...(config.authFlow === 'code' ? { cacheLocation: config.authCache } : {}),
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
