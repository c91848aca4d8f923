// The Express API: security headers, CORS for the app, the routes, and errors as JSON.
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { authErrorHandler } from './auth';
import { notFound, routesOf, unexpectedError } from './errors';
import { proxyErrorHandler } from './management/proxy-error';
import type { UsersDirectory } from './management/users-directory';
import { createMessageRoutes } from './routes/messages';
import { createTokenRequirementsRoutes, type TokenRequirements } from './routes/token-requirements';
import { createUserRoutes } from './routes/users';

export interface AppDependencies {
  /** Guards the protected routes: requireAccessToken(...) (main.ts builds it from the configuration). */
  checkAccessToken: RequestHandler;
  /** Origins whose pages may call the API (CORS). */
  corsOrigins: string[];
  /** The tenant's users through the API's own Management API client; undefined: /api/users answers 503. */
  users?: UsersDirectory;
  /** The issuer and audience the check expects, published on GET /api/token-requirements (main.ts gives them). */
  requirements?: TokenRequirements;
}

export function createApp({ checkAccessToken, corsOrigins, users, requirements }: AppDependencies): express.Express {
  const app = express();
  app.use(helmet());
  // Before any auth check, so that preflights (which never carry a token) are answered.
  app.use(
    cors({
      origin: corsOrigins,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['WWW-Authenticate', 'Retry-After', 'X-Total-Count'],
      maxAge: 600,
    }),
  );
  // Parsed (before the token check) so that a token sent in a form or JSON body is refused rather
  // than silently ignored. Malformed or oversized bodies get a 4xx JSON answer from unexpectedError.
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.use(express.json({ limit: '16kb' }));
  // Every router, mounted at /api; the 404 hint lists the routes of all of them, so a router added
  // here is never missing from it.
  const routers = [
    createMessageRoutes(checkAccessToken),
    createUserRoutes(checkAccessToken, users),
    ...(requirements ? [createTokenRequirementsRoutes(requirements)] : []),
  ];
  for (const router of routers) app.use('/api', router);

  app.use(notFound(routers.flatMap((router) => routesOf(router, '/api'))));
  app.use(authErrorHandler);
  app.use(proxyErrorHandler);
  app.use(unexpectedError);
  return app;
}
