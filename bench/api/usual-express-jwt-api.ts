// The baseline: express-jwt + jwks-rsa configured the way older samples and most blog posts do.
// bench-server.ts hands it to the sample's createApp in place of requireAccessToken, so that only the
// token check differs between the two APIs it compares.
import type { RequestHandler } from 'express';
import { expressjwt } from 'express-jwt';
import { expressJwtSecret, type GetVerificationKey } from 'jwks-rsa';

export function usualExpressJwtCheck(options: { issuer: string; audience: string; jwksUri: string }): RequestHandler {
  return expressjwt({
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
}
