// The dev tenant as an Express app: its tenant file, key and stores, the routes, and an error
// page that never logs a request body. The tenant is a local authorization server speaking the part
// of Auth0's protocol that auth0-js uses, so the quickstart runs offline with no Auth0 account.
import express, { type ErrorRequestHandler } from 'express';
import type { DevTenantFile } from '../../config/dev-tenant-contract';
import { managementApiRoutes } from './management/management-routes';
import { sendPage } from './shared/html';
import { loadPostLoginActions } from './post-login/load-actions';
import { authorizeRoutes } from './authorize/route';
import { discoveryRoutes } from './discovery';
import { loginRoutes } from './login/route';
import { logoutRoutes } from './logout';
import { resetUsersRoutes } from './reset-users';
import { revokeRoutes } from './token/revoke';
import { tokenRoutes } from './token/route';
import { userinfoRoutes } from './userinfo';
import type { LockoutPolicy } from './login/attempts';
import { requireLoopbackHost } from './shared/loopback-host';
import { loadOrCreateSigningKey } from './shared/signing-key';
import { openSavedUserState } from './stores/saved-users/saved-users';
import { readTenantFile } from './tenant-file/read-tenant-file';
import { createTenantContext, type TenantContext } from './context';

export interface DevTenantOptions {
  /** e.g. 'http://localhost:3002/', with the trailing slash: exactly the tokens' `iss`. */
  issuer: string;
  /** The tenant file and its placeholders' values: the configuration's `devTenant`. */
  tenantFile: DevTenantFile;
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

/**
 * Reads the tenant file, loads its actions and the signing key. Rejects with a TenantFileError
 * (one line naming the file and the place in it) or a SigningKeyFileError.
 */
export async function loadTenantContext(options: DevTenantOptions): Promise<TenantContext> {
  if (!options.issuer.endsWith('/')) {
    throw new Error(`DevTenantOptions.issuer must end with "/" (got ${options.issuer}).`);
  }
  const { file, keywords } = options.tenantFile;
  const tenant = readTenantFile(file, { issuer: options.issuer, keywords });
  return createTenantContext({
    tenant,
    key: await loadOrCreateSigningKey(options.keyFile),
    postLoginActions: loadPostLoginActions(tenant),
    settings: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      actionTimeoutMs: options.actionTimeoutMs ?? 20_000,
    },
    lockout: options.lockout,
    savedUsers: await openSavedUserState(options.stateDir, file, tenant),
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
  app.use(revokeRoutes(ctx));
  app.use('/api/v2', managementApiRoutes(ctx));
  app.use(logoutRoutes(ctx));
  app.use(resetUsersRoutes(ctx));

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(handleError);
  return app;
}
