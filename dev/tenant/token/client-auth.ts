// Client authentication at the token endpoint, as Auth0 does it: the client the request names, its
// secret checked when it has one. A client without a secret (a SPA) is not refused here: Auth0 first
// tells it which grant it lacks (unauthorized_client), and a grant that needs a confidential client
// refuses it itself.
import { findClient } from '../model/lookups';
import type { TenantClient, TenantModel } from '../model/tenant-model';
import { sameSecret } from '../shared/cookies';
import { tokenErrors } from './errors';
import type { TokenRequest } from './request';

/** The client, or a thrown OAuthError (Auth0 answers the same for an unknown client and a wrong secret). */
export function authenticateClient(tenant: TenantModel, request: TokenRequest): TenantClient {
  if (request.clientId === undefined) throw tokenErrors.missing('client_id');
  const client = findClient(tenant, request.clientId);
  if (!client) throw tokenErrors.unauthorized();
  if (client.clientSecret !== undefined) {
    if (request.clientSecret === undefined || !sameSecret(request.clientSecret, client.clientSecret)) {
      throw tokenErrors.unauthorized();
    }
  }
  return client;
}
