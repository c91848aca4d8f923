// GET /api/token-requirements: what this API checks in an access token, for anyone to read (none of it
// is secret: the app's bundle carries the same values). The app's token inspector compares a token with
// what the API expects, not only with the app's own settings, so an app built for another audience or
// tenant than the API runs with shows as the cause of its 401s.
import { Router } from 'express';
import { USERS_SCOPE } from './users';

export interface TokenRequirements {
  /** The exact `iss`, trailing slash included. */
  issuer: string;
  /** The API identifier the token's `aud` must contain. */
  audience: string;
}

/** The scopes the API's routes check, by route (token-requirements.spec.ts calls each route to hold it to this). */
export const ROUTE_SCOPES: Record<string, string> = {
  'GET /api/private-scoped': 'read:messages',
  'POST /api/admin': 'write:messages',
  'GET /api/users': USERS_SCOPE,
  'POST /api/users/:id/roles': USERS_SCOPE,
  'DELETE /api/users/:id/roles': USERS_SCOPE,
};

export function createTokenRequirementsRoutes({ issuer, audience }: TokenRequirements): Router {
  const router = Router();
  const body = { issuer, audience, algorithms: ['RS256'], scopes: ROUTE_SCOPES };
  router.get('/token-requirements', (_req, res) => {
    res.json(body);
  });
  return router;
}
