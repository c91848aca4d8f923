// The `event` a post-login action receives, with the fields of Auth0's post-login event object
// that the dev tenant can fill in truthfully. Each action gets its own copy: what one changes in
// it reaches neither the next action nor the tenant.
import type { Request } from 'express';
import type { AuthorizeRequest } from '../authorize-request';
import type { TenantUser } from '../model/tenant-model';

/** The tenant's one database connection, as Auth0 names a new tenant's. */
export const DATABASE_CONNECTION = 'Username-Password-Authentication';

export interface PostLoginEventSource {
  req: Request;
  request: AuthorizeRequest;
  user: TenantUser;
  /** When the user entered their password (now, or the session's login for silent authentication). */
  authenticatedAt: string;
  loginsCount: number;
  secrets: Readonly<Record<string, string>>;
}

function userOf(user: TenantUser) {
  return {
    user_id: user.userId,
    email: user.email,
    email_verified: user.emailVerified,
    name: user.name,
    nickname: user.nickname,
    ...(user.picture !== undefined ? { picture: user.picture } : {}),
    ...(user.givenName !== undefined ? { given_name: user.givenName } : {}),
    ...(user.familyName !== undefined ? { family_name: user.familyName } : {}),
    user_metadata: user.userMetadata,
    app_metadata: user.appMetadata,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    identities: [
      {
        connection: DATABASE_CONNECTION,
        provider: 'auth0',
        user_id: user.userId.slice(user.userId.indexOf('|') + 1),
        isSocial: false,
      },
    ],
  };
}

export function postLoginEvent(source: PostLoginEventSource): Record<string, unknown> {
  const { req, request, user } = source;
  const event = {
    authentication: { methods: [{ name: 'pwd', timestamp: source.authenticatedAt }] },
    authorization: { roles: [...user.roles] },
    client: { client_id: request.client.clientId, name: request.client.name, metadata: {} },
    connection: { id: 'con_dev_tenant_database', name: DATABASE_CONNECTION, strategy: 'auth0', metadata: {} },
    request: {
      ip: req.ip ?? req.socket.remoteAddress ?? '',
      hostname: req.hostname,
      method: req.method,
      ...(req.headers['user-agent'] ? { user_agent: req.headers['user-agent'] } : {}),
      ...(req.headers['accept-language'] ? { language: req.headers['accept-language'].split(',')[0] } : {}),
      geoip: {},
    },
    ...(request.resourceServer ? { resource_server: { identifier: request.resourceServer.identifier } } : {}),
    secrets: { ...source.secrets },
    stats: { logins_count: source.loginsCount },
    tenant: { id: 'dev-tenant' },
    transaction: {
      locale: 'en',
      protocol: 'oidc-implicit-profile',
      redirect_uri: request.redirectUri,
      requested_scopes: [...request.requestedScopes],
      response_mode: request.responseMode,
      response_type: [...(request.wantsAccessToken ? ['token'] : []), ...(request.wantsIdToken ? ['id_token'] : [])],
      ...(request.state !== undefined ? { state: request.state } : {}),
    },
    user: userOf(user),
  };
  // A deep copy: metadata objects are the tenant's own.
  return structuredClone(event);
}
