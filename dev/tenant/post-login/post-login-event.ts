// The `event` a post-login action receives, with the fields of Auth0's post-login event object
// that the dev tenant can fill in truthfully. Each action gets its own copy: what one changes in
// it reaches neither the next action nor the tenant.
import type { Request } from 'express';
import type { AuthorizeRequest } from '../authorize/checks';
import { DATABASE_CONNECTION, userJson } from '../management/resource-json';
import type { TenantUser } from '../model/tenant-model';

/** What the event reads of the HTTP request: an Express request has it. */
export type EventRequest = Pick<Request, 'ip' | 'socket' | 'hostname' | 'method' | 'headers'>;

export interface PostLoginEventSource {
  req: EventRequest;
  request: AuthorizeRequest;
  user: TenantUser;
  /** When the user entered their password (now, or the session's login for silent authentication). */
  authenticatedAt: string;
  loginsCount: number;
  secrets: Readonly<Record<string, string>>;
  /** Auth0's event.transaction.protocol when it is not /authorize's: `oauth2-refresh-token` at a refresh. */
  protocol?: 'oauth2-refresh-token';
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
      protocol: source.protocol ?? (request.wantsCode ? 'oidc-basic-profile' : 'oidc-implicit-profile'),
      redirect_uri: request.redirectUri,
      requested_scopes: [...request.requestedScopes],
      response_mode: request.responseMode,
      response_type: [
        ...(request.wantsCode ? ['code'] : []),
        ...(request.wantsAccessToken ? ['token'] : []),
        ...(request.wantsIdToken ? ['id_token'] : []),
      ],
      ...(request.state !== undefined ? { state: request.state } : {}),
    },
    // The same user object as the Management API's (Auth0's event.user has no logins_count: that is event.stats).
    user: userJson(user, 0),
  };
  // A deep copy: metadata objects are the tenant's own.
  return structuredClone(event);
}
