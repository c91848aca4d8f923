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
  notEmulatedGrantType: (grantType: string) =>
    new OAuthError(
      400,
      'unsupported_grant_type',
      `The dev tenant does not emulate the ${echo(grantType)} grant; its token endpoint answers client_credentials (users log in with the implicit flow at /authorize).`,
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
};
