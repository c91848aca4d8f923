// The baseline: express-jwt + jwks-rsa configured the way older samples and most blog posts do,
// inside the same stack and routes as server/create-api.ts, so that only the token check differs.
import cors from 'cors';
import express from 'express';
import { expressjwt } from 'express-jwt';
import helmet from 'helmet';
import { expressJwtSecret, type GetVerificationKey } from 'jwks-rsa';
import { notFound, unexpectedError } from '../../server/api-errors';
import { authErrorHandler } from '../../server/auth/require-access-token';
import { createMessageRoutes } from '../../server/routes/messages';

export function createUsualApi(options: { issuer: string; audience: string; jwksUri: string; corsOrigins: string[] }): express.Express {
  const checkJwt = expressjwt({
    secret: expressJwtSecret({ cache: true, rateLimit: true, jwksRequestsPerMinute: 5, jwksUri: options.jwksUri }) as GetVerificationKey,
    audience: options.audience,
    issuer: options.issuer,
    algorithms: ['RS256'],
  });
  const app = express();
  app.use(helmet());
  app.use(
    cors({
      origin: options.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['WWW-Authenticate', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.use('/api', createMessageRoutes(checkJwt));
  app.use(notFound);
  app.use(authErrorHandler);
  app.use(unexpectedError);
  return app;
}
