// The grants the dev tenant's token endpoint emulates, by grant_type (node-oidc-provider and
// mock-oauth2-server keep the same map): a backend's client credentials, and the code flow's code
// and refresh token. Every grant Auth0 knows but the map lacks is refused as not emulated.
import { TOKEN_ENDPOINT_GRANT_TYPES } from '../../model/grant-types';
import { authorizationCode } from './authorization-code';
import { clientCredentials } from './client-credentials';
import type { Grant } from './grant';
import { refreshToken } from './refresh-token';

export const GRANTS: Readonly<Record<string, Grant>> = {
  client_credentials: clientCredentials,
  authorization_code: authorizationCode,
  refresh_token: refreshToken,
};

/** Every parameter some grant reads: what the request parser reads besides the client's credentials. */
export const GRANT_PARAMETERS = [...new Set(Object.values(GRANTS).flatMap((grant) => grant.parameters))];

/** Grant types Auth0's token endpoint knows; any other is unsupported_grant_type. */
export const AUTH0_GRANT_TYPES: ReadonlySet<string> = new Set(TOKEN_ENDPOINT_GRANT_TYPES);
