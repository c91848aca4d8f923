// The authorization_code grant (auth0-spa-js's handleRedirectCallback, and its silent iframe): a
// code /authorize issued, redeemed once by the client it was issued to, with the same redirect_uri
// and the PKCE verifier of its S256 challenge (Auth0's "Call Your API Using the Authorization Code
// Flow with PKCE"). The tokens are the login's; a refresh token starts a family when Auth0 would
// issue one (user-tokens.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import { findResourceServer } from '../../model/lookups';
import { redeemCode } from '../../stores/authorization-codes';
import { tokenErrors } from '../errors';
import type { Grant } from './grant';
import { issueUserTokens, offlineAccess, type UserGrant } from './user-tokens';

/** RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) equals the challenge. */
function verifies(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

export const authorizationCode: Grant = {
  parameters: ['code', 'code_verifier', 'redirect_uri'],

  async exchange(ctx, client, params, now) {
    if (params.code === undefined) throw tokenErrors.missing('code');
    // Taken out at once: whatever happens below, a code is never redeemed twice.
    const issued = redeemCode(ctx.authorizationCodes, params.code);
    if (!issued || issued.clientId !== client.clientId) throw tokenErrors.invalidCode();
    if (params.redirect_uri !== issued.redirectUri) throw tokenErrors.redirectUriMismatch();
    if (issued.codeChallenge === undefined) {
      // Without PKCE, only a client secret proves the caller is the client; a SPA has none.
      if (client.clientSecret === undefined) throw tokenErrors.unauthorized();
    } else if (params.code_verifier === undefined || !verifies(params.code_verifier, issued.codeChallenge)) {
      throw tokenErrors.badVerifier();
    }
    const user = ctx.users.findById(issued.userId);
    if (!user) throw tokenErrors.invalidCode();
    const api = findResourceServer(ctx.tenant, issued.audience);
    const grant: UserGrant = {
      user,
      client,
      api,
      requestedScopes: issued.requestedScopes,
      sid: issued.sid,
      custom: issued.customClaims,
      nonce: issued.nonce,
    };
    const refreshToken =
      api && offlineAccess(grant)
        ? ctx.refreshTokens.issue(
            {
              clientId: client.clientId,
              userId: user.userId,
              audience: api.identifier,
              requestedScopes: issued.requestedScopes,
              redirectUri: issued.redirectUri,
              sid: issued.sid,
              authenticatedAt: issued.authenticatedAt,
              settings: client.refreshToken,
            },
            now,
          )
        : undefined;
    return issueUserTokens(ctx, grant, now, refreshToken);
  },
};
