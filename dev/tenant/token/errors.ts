// The token endpoint's refusals, with the statuses and sentences Auth0 answers, so that code and
// people meet here what they will meet with a real tenant. Bodies are RFC 6749 5.2 JSON:
// { error, error_description } (and error_uri where Auth0 adds one).
import { echo } from '../shared/echo';
import { OAuthError } from '../shared/oauth-error';

export const tokenErrors = {
  unreadableBody: (why: string) => new OAuthError(400, 'invalid_request', why),
  missing: (parameter: string) => new OAuthError(400, 'invalid_request', `Missing required parameter: ${parameter}`),
  repeated: (parameter: string) =>
    new OAuthError(400, 'invalid_request', `Parameter ${parameter} must be a single string, sent once.`),
  twoAuthMethods: () =>
    new OAuthError(
      400,
      'invalid_request',
      'Authenticate the client one way only: an Authorization: Basic header or client_id/client_secret in the body.',
    ),
  unsupportedGrantType: (grantType: string) =>
    new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${echo(grantType)}`),
  notEmulatedGrantType: (grantType: string, emulated: readonly string[]) =>
    new OAuthError(
      400,
      'unsupported_grant_type',
      `The dev tenant does not emulate the ${echo(grantType)} grant; its token endpoint answers ${emulated.join(', ')}.`,
    ),
  // Auth0 says the same for an unknown client and a wrong or missing secret: the endpoint does not
  // tell a caller which client ids exist.
  unauthorized: () => new OAuthError(401, 'access_denied', 'Unauthorized'),
  grantTypeNotAllowed: (grantType: string) =>
    new OAuthError(403, 'unauthorized_client', `Grant type '${echo(grantType)}' not allowed for the client.`, {
      uri: 'https://auth0.com/docs/clients/client-grant-types',
    }),
  noAudience: () =>
    new OAuthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    ),
  unknownAudience: (audience: string) => new OAuthError(403, 'access_denied', `Service not found: ${echo(audience)}`),
  noClientGrant: (audience: string) =>
    new OAuthError(
      403,
      'access_denied',
      `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
    ),
  scopesNotGranted: (scopes: readonly string[]) =>
    new OAuthError(403, 'access_denied', `Client has not been granted scopes: ${echo(scopes.join(','))}`),
  // The code flow's refusals: Auth0 answers invalid_grant with 403.
  invalidCode: () => new OAuthError(403, 'invalid_grant', 'Invalid authorization code'),
  // Auth0's sentence is not documented; this one says which of the code's bindings failed.
  redirectUriMismatch: () =>
    new OAuthError(
      403,
      'invalid_grant',
      'redirect_uri is missing or differs from the one of the authorization request that issued the code.',
    ),
  badVerifier: () => new OAuthError(403, 'invalid_grant', 'Failed to verify code verifier'),
  invalidRefreshToken: () => new OAuthError(403, 'invalid_grant', 'Unknown or invalid refresh token.'),
};
