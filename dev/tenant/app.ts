// The dev tenant as an Express app: its tenant file, key and stores, the routes, and an error
// page that never logs a request body. The tenant is a local authorization server speaking the part
// of Auth0's protocol that auth0-js uses, so the quickstart runs offline with no Auth0 account.
import express, { type ErrorRequestHandler } from 'express';
import { DEFAULT_AUDIENCE } from '../../config/load-config';
import { managementApiRoutes } from './management/management-routes';
import { sendPage } from './shared/html';
import { loadPostLoginActions } from './post-login/load-actions';
import { authorizeRoutes } from './authorize/route';
import { discoveryRoutes } from './discovery';
import { loginRoutes } from './login/route';
import { logoutRoutes } from './logout';
import { tokenRoutes } from './token/route';
import { userinfoRoutes } from './userinfo';
import type { LockoutPolicy } from './login/attempts';
import { requireLoopbackHost } from './shared/loopback-host';
import { loadOrCreateSigningKey } from './shared/signing-key';
import { openSavedUserState } from './stores/saved-users/saved-users';
import { DEFAULT_TENANT_FILE, readTenantFile } from './tenant-file/read-tenant-file';
import { createTenantContext, type TenantContext } from './context';

export interface DevTenantOptions {
  /** e.g. 'http://localhost:3002/', with the trailing slash: exactly the tokens' `iss`. */
  issuer: string;
  /** e.g. 'http://localhost:3000': what ##APP_ORIGIN## stands for in the tenant file. */
  appOrigin: string;
  /** The tenant file; default dev-tenant.yaml at the repository root. */
  tenantFile?: string;
  /** What ##AUTH0_AUDIENCE## stands for in the tenant file; default DEFAULT_AUDIENCE. */
  audience?: string;
  /** Path of the private JWK file; omitted = an in-memory key (tests). */
  keyFile?: string;
  /** Folder where users' changes are saved (.dev-tenant/); omitted = in memory only (tests). */
  stateDir?: string;
  /** DEV_TENANT_TOKEN_TTL: every access token's lifetime; default each API's own. */
  accessTokenTtlSeconds?: number;
  /** Brute-force protection; default 10 failures, then blocked for 15 minutes. */
  lockout?: LockoutPolicy;
  /** How long one login's post-login actions may run; default 20 s, as Auth0's limit. */
  actionTimeoutMs?: number;
}

/** The keywords a tenant file's ##KEY## placeholders stand for. */
export function tenantKeywords(options: Pick<DevTenantOptions, 'issuer' | 'appOrigin' | 'audience'>) {
  return {
    APP_ORIGIN: new URL(options.appOrigin).origin,
    DEV_TENANT_ORIGIN: options.issuer.replace(/\/$/, ''),
    AUTH0_AUDIENCE: options.audience ?? DEFAULT_AUDIENCE,
  };
}

/**
 * Reads the tenant file, loads its actions and the signing key. Rejects with a TenantFileError
 * (one line naming the file and the place in it) or a SigningKeyFileError.
 */
export async function loadTenantContext(options: DevTenantOptions): Promise<TenantContext> {
  if (!options.issuer.endsWith('/')) {
    throw new Error(`DevTenantOptions.issuer must end with "/" (got ${options.issuer}).`);
  }
  const tenantFile = options.tenantFile ?? DEFAULT_TENANT_FILE;
  const tenant = readTenantFile(tenantFile, {
    issuer: options.issuer,
    keywords: tenantKeywords(options),
  });
  return createTenantContext({
    tenant,
    key: await loadOrCreateSigningKey(options.keyFile),
    postLoginActions: loadPostLoginActions(tenant),
    settings: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      actionTimeoutMs: options.actionTimeoutMs ?? 20_000,
    },
    lockout: options.lockout,
    savedUsers: await openSavedUserState(options.stateDir, tenantFile, tenant),
  });
}

const handleError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  // The message only: request bodies (passwords) and tokens never reach the log.
  if (!clientError) console.error(`dev tenant: ${error instanceof Error ? error.message : String(error)}`);
  if (res.headersSent) return;
  sendPage(res, clientError ? status : 500, {
    title: 'Error',
    body: clientError
      ? '<h1>Bad request</h1><p class="note">The dev tenant could not read this request.</p>'
      : '<h1>Internal error</h1><p class="note">The dev tenant failed to answer; its console says why.</p>',
  });
};

/** The routes over a loaded tenant. */
export function devTenantApp(ctx: TenantContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requireLoopbackHost());
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    // Login URLs carry the pending request's id; keep it out of other sites' logs. Not no-referrer:
    // under that policy browsers send `Origin: null` with the login form's post, which the
    // cross-site check must refuse.
    res.set('Referrer-Policy', 'same-origin');
    next();
  });

  // One router per endpoint, each with its own error handler (page, redirect or JSON).
  app.use(discoveryRoutes(ctx));
  app.use(authorizeRoutes(ctx));
  app.use(loginRoutes(ctx));
  app.use(userinfoRoutes(ctx));
  app.use(tokenRoutes(ctx));
  app.use('/api/v2', managementApiRoutes(ctx));
  app.use(logoutRoutes(ctx));

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(handleError);
  return app;
}

export async function createDevTenant(options: DevTenantOptions): Promise<express.Express> {
  return devTenantApp(await loadTenantContext(options));
}
