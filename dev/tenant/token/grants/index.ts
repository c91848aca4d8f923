// The grants the dev tenant's token endpoint emulates, by grant_type (node-oidc-provider and
// mock-oauth2-server keep the same map). Another flow adds its module here, e.g. authorization_code
// and refresh_token; every grant Auth0 knows but the map lacks is refused as not emulated.
import { clientCredentials } from './client-credentials';
import type { Grant } from './grant';

export const GRANTS: Readonly<Record<string, Grant>> = {
  client_credentials: clientCredentials,
};

/** Every parameter some grant reads: what the request parser reads besides the client's credentials. */
export const GRANT_PARAMETERS = [...new Set(Object.values(GRANTS).flatMap((grant) => grant.parameters))];

/** Grant types Auth0's token endpoint knows; any other is unsupported_grant_type. */
export const AUTH0_GRANT_TYPES: ReadonlySet<string> = new Set([
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'http://auth0.com/oauth/grant-type/password-realm',
  'urn:ietf:params:oauth:grant-type:device_code',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'urn:openid:params:grant-type:ciba',
]);
