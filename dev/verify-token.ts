// The API's own access-token check applied to one token outside a request, for `npm run doctor`:
// resolves with the claims, or rejects with the AuthError the API would have answered.
import type { Request, Response } from 'express';
import { requireAccessToken, type AccessTokenClaims, type AccessTokenOptions } from '../server/auth';

export function verifyAccessToken(token: string, options: AccessTokenOptions): Promise<AccessTokenClaims> {
  const check = requireAccessToken(options);
  // The check reads only the request's headers and URL, and never writes to the response.
  const req = { method: 'GET', url: '/', headers: { authorization: `Bearer ${token}` } } as Request;
  return new Promise((resolve, reject) => {
    void check(req, {} as Response, (error?: unknown) => {
      if (error === undefined && req.auth) resolve(req.auth);
      else reject(error instanceof Error ? error : new Error(`The check failed: ${String(error)}`));
    });
  });
}
