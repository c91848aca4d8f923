// The baseline: express-jwt + jwks-rsa configured the way older samples and most blog posts do,
// inside the same stack and routes as server/create-api.ts, so that only the token check differs.
import type express from 'express';
import { expressjwt } from 'express-jwt';
import { expressJwtSecret, type GetVerificationKey } from 'jwks-rsa';
import { createApiAround } from '../../server/app';

export function createUsualApi(options: {
  issuer: string;
  audience: string;
  jwksUri: string;
  corsOrigins: string[];
}): express.Express {
  const checkJwt = expressjwt({
    secret: expressJwtSecret({
      cache: true,
      rateLimit: true,
      jwksRequestsPerMinute: 5,
      jwksUri: options.jwksUri,
    }) as GetVerificationKey,
    audience: options.audience,
    issuer: options.issuer,
    algorithms: ['RS256'],
  });
  return createApiAround(checkJwt, options.corsOrigins);
}
