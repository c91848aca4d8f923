// The grant types of Auth0's applications (a client's `grant_types`, and the token endpoint's
// `grant_type`), as the dashboard's Advanced Settings > Grant Types and the Authentication API name
// them. The tenant file may list any of them; the dev tenant serves those its endpoints emulate.
import type { RefreshTokenSettings } from './tenant-model';

/** Grant types the token endpoint knows; any other `grant_type` is unsupported_grant_type. */
export const TOKEN_ENDPOINT_GRANT_TYPES: readonly string[] = [
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
];

/** Every grant type a client may be given: the implicit flow's (no token endpoint) and the others. */
export const CLIENT_GRANT_TYPES: readonly string[] = ['implicit', ...TOKEN_ENDPOINT_GRANT_TYPES];

/** A client's refresh token settings when its tenant file entry has no `refresh_token` (Auth0's defaults). */
export const DEFAULT_REFRESH_TOKEN_SETTINGS: RefreshTokenSettings = {
  rotationType: 'non-rotating',
  expirationType: 'non-expiring',
  leewaySeconds: 0,
  tokenLifetimeSeconds: 2_592_000,
  infiniteTokenLifetime: true,
  idleTokenLifetimeSeconds: 1_296_000,
  infiniteIdleTokenLifetime: true,
};
