// The dev tenant as an Express app: its registrations, key and stores, the routes, and an error
// page that never logs a request body. The tenant is a local authorization server speaking the part
// of Auth0's protocol that auth0-js uses, so the quickstart runs offline with no Auth0 account.
import express, { type ErrorRequestHandler } from 'express';
import { DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID } from '../../config/load-config';
import { sendPage } from './pages/html';
import { authorizeRoute } from './routes/authorize';
import { discoveryRoutes } from './routes/discovery';
import { loginPageRoute, loginSubmitRoute } from './routes/login';
import { logoutRoute } from './routes/logout';
import { userinfoRoutes } from './routes/userinfo';
import type { LockoutPolicy } from './security/login-attempts';
import { requireLoopbackHost } from './security/loopback-host';
import { loadOrCreateSigningKey } from './signing-key';
import { createTenantContext } from './tenant-context';
import { buildRegistry } from './tenant-registry';

export interface DevTenantOptions {
  /** e.g. 'http://localhost:3002/', with the trailing slash: exactly the tokens' `iss`. */
  issuer: string;
  /** e.g. 'http://localhost:3000': the registered client's callback, logout and web origin. */
  appOrigin: string;
  /** Default DEV_TENANT_CLIENT_ID. */
  clientId?: string;
  /** Default DEFAULT_AUDIENCE. */
  audience?: string;
  /** Path of the private JWK file; omitted = an in-memory key (tests). */
  keyFile?: string;
  /** Default 7200, as Auth0's default for an API. */
  accessTokenTtlSeconds?: number;
  /** Brute-force protection; default 10 failures, then blocked for 15 minutes. */
  lockout?: LockoutPolicy;
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

export async function createDevTenant(options: DevTenantOptions): Promise<express.Express> {
  if (!options.issuer.endsWith('/')) {
    throw new Error(`DevTenantOptions.issuer must end with "/" (got ${options.issuer}).`);
  }
  const registry = buildRegistry({
    issuer: options.issuer,
    appOrigin: options.appOrigin,
    clientId: options.clientId ?? DEV_TENANT_CLIENT_ID,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 7200,
  });
  const ctx = createTenantContext(registry, await loadOrCreateSigningKey(options.keyFile), options.lockout);

  const app = express();
  app.disable('x-powered-by');
  app.use(requireLoopbackHost());
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    // Login URLs carry the pending request's id; keep it out of other sites' logs.
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });

  app.use(discoveryRoutes(ctx));
  app.get('/authorize', authorizeRoute(ctx));
  app.get('/login', loginPageRoute(ctx));
  app.post('/login', express.urlencoded({ extended: false, limit: '10kb' }), loginSubmitRoute(ctx));
  app.use(userinfoRoutes(ctx));
  app.get('/v2/logout', logoutRoute(ctx));

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(handleError);
  return app;
}
