// The refresh_token grant (auth0-spa-js's getTokenSilently with useRefreshTokens): a new access
// token, id_token and, when the client rotates, refresh token, by the rules of stores/refresh-tokens.ts.
// Every refusal of the token itself is Auth0's one answer, 403 invalid_grant "Unknown or invalid
// refresh token."; the dev tenant's console says which it was (unknown, expired, reused). As Auth0
// does, the post-login actions run again (event.transaction.protocol "oauth2-refresh-token"), so a
// role given meanwhile reaches the new tokens, and an action may deny the refresh.
import { authorizeRequestOf } from '../../authorize/checks';
import { findResourceServer } from '../../model/lookups';
import { parseScope } from '../../model/grant-scopes';
import type { EventRequest } from '../../post-login/post-login-event';
import { runPostLoginActions } from '../../post-login/run-post-login';
import { OAuthError } from '../../shared/oauth-error';
import type { Refusal } from '../../stores/refresh-tokens';
import { tokenErrors } from '../errors';
import type { Grant } from './grant';
import { issueUserTokens } from './user-tokens';

/** For a refresh asked for without an HTTP request (a spec calling the grant itself). */
const NO_HTTP: EventRequest = {
  ip: '',
  socket: {} as EventRequest['socket'],
  hostname: '',
  method: 'POST',
  headers: {},
};

const WHY: Record<Refusal, string> = {
  unknown: 'unknown to this tenant (made up, revoked, issued to another client, or from before a restart)',
  expired: "past its family's absolute or idle lifetime",
  reused:
    'already rotated (reuse detection): every refresh token of this user for this client and API is now revoked, the newest included',
};

export const refreshToken: Grant = {
  // `audience` is read to be ignored: without Multi-Resource Refresh Token policies, Auth0 answers
  // with a token for the refresh token's own API whatever audience is asked for.
  parameters: ['refresh_token', 'scope', 'audience'],

  async exchange(ctx, client, params, now, http = NO_HTTP) {
    if (params.refresh_token === undefined) throw tokenErrors.missing('refresh_token');
    const exchange = ctx.refreshTokens.exchange(params.refresh_token, client.clientId, now);
    if (!exchange.ok) {
      console.log(`dev tenant: refresh token refused for client ${client.clientId}: ${WHY[exchange.refusal]}.`);
      throw tokenErrors.invalidRefreshToken();
    }
    const { grant } = exchange;
    const user = ctx.users.findById(grant.userId);
    const api = findResourceServer(ctx.tenant, grant.audience);
    if (!user || !api) throw tokenErrors.invalidRefreshToken();
    // A smaller set of the login's scopes may be asked for (down-scoping), never more.
    const requestedScopes =
      params.scope === undefined
        ? grant.requestedScopes
        : parseScope(params.scope).filter((scope) => grant.requestedScopes.includes(scope));
    const request = authorizeRequestOf(client, { redirectUri: grant.redirectUri, requestedScopes, api });
    const outcome = await runPostLoginActions(ctx, {
      req: http,
      request,
      user,
      authenticatedAt: grant.authenticatedAt,
      loginsCount: ctx.users.loginsCount(user.userId),
      protocol: 'oauth2-refresh-token',
    });
    if (outcome.kind === 'denied') throw new OAuthError(403, 'access_denied', outcome.description);
    return issueUserTokens(
      ctx,
      { user, client, api, requestedScopes, sid: grant.sid, custom: outcome.claims },
      now,
      exchange.refreshToken,
    );
  },
};
