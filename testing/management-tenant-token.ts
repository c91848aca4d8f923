// The controllable tenant's POST /oauth/token: client credentials as Auth0 answers them, its refusals
// in Auth0's words ({ error, error_description }), and the token signed with the tenant's key.
import express, { Router } from 'express';
import { compactJws, rs256, type TestKey } from './test-keys';

/** The machine-to-machine client the tenant knows. */
export const M2M = { clientId: 'test-m2m-client', clientSecret: 'test-m2m-secret-0a1b2c3d' };

export type TokenEndpointBehaviour = 'issue' | 'no_grant' | 'grant_type_not_allowed' | 'rate_limited' | 'hang';

/** What the token endpoint reads and writes of the controllable tenant. */
export interface TokenEndpointState {
  /** `url/`: the issuer of every token, the base of /oauth/token and /api/v2/. */
  issuer: string;
  key: TestKey;
  /** Called for each request: counts it, and waits while tokens are held. */
  arrived(): Promise<void>;
  /** Every access_token issued: no answer or log line of the API may contain one. */
  issued: string[];
  tokenEndpoint: TokenEndpointBehaviour;
  /** The client grant for the Management API: the scopes a token gets. */
  grant: string[];
  expiresIn: number;
}

export function tokenEndpoint(tenant: TokenEndpointState, issue: (claims: Record<string, unknown>) => void): Router {
  const router = Router();
  router.post('/oauth/token', express.urlencoded({ extended: false }), express.json(), async (req, res) => {
    await tenant.arrived();
    if (tenant.tokenEndpoint === 'hang') return;
    const { grant_type, client_id, client_secret, audience } = (req.body ?? {}) as Record<string, string>;
    const deny = (status: number, error: string, error_description: string) =>
      void res.status(status).json({ error, error_description });
    if (tenant.tokenEndpoint === 'rate_limited') {
      res.set('Retry-After', '7');
      return deny(429, 'too_many_requests', 'Global limit has been reached');
    }
    if (grant_type !== 'client_credentials') return deny(400, 'unsupported_grant_type', 'Unsupported grant type');
    if (client_id !== M2M.clientId || client_secret !== M2M.clientSecret) {
      return deny(401, 'access_denied', 'Unauthorized');
    }
    if (tenant.tokenEndpoint === 'grant_type_not_allowed') {
      return deny(403, 'unauthorized_client', "Grant type 'client_credentials' not allowed for the client.");
    }
    if (tenant.tokenEndpoint === 'no_grant' || audience !== `${tenant.issuer}api/v2/`) {
      return deny(
        403,
        'access_denied',
        `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
      );
    }
    const iat = Math.floor(Date.now() / 1000);
    const scope = tenant.grant.join(' ');
    const claims = {
      iss: tenant.issuer,
      sub: `${client_id}@clients`,
      aud: audience,
      azp: client_id,
      scope,
      gty: 'client-credentials',
      iat,
      exp: iat + tenant.expiresIn,
    };
    issue(claims);
    const token = compactJws({ alg: 'RS256', typ: 'JWT', kid: tenant.key.kid }, claims, rs256(tenant.key));
    tenant.issued.push(token);
    res.json({ access_token: token, token_type: 'Bearer', expires_in: tenant.expiresIn, scope });
  });
  return router;
}
