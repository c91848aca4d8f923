// The authorization code flow's answer at /authorize: a code standing for what the login decided
// (who, which client and redirect_uri, the scopes asked for, the actions' claims), redeemed once at
// the token endpoint (token/grants/authorization-code.ts), where the tokens are issued.
import { randomId } from '../shared/random-id';
import type { ExpiringStore } from '../stores/expiring-store';
import type { IssuedCode } from '../stores/authorization-codes';
import type { AuthorizeRequest } from './checks';
import type { CustomClaims } from './issue-tokens';

export function issueCode(
  codes: ExpiringStore<IssuedCode>,
  request: AuthorizeRequest,
  login: { userId: string; sid: string; authenticatedAt: string },
  customClaims: CustomClaims,
): { code: string } {
  const code = randomId(32);
  codes.set(code, {
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
    userId: login.userId,
    requestedScopes: request.requestedScopes,
    ...(request.resourceServer ? { audience: request.resourceServer.identifier } : {}),
    ...(request.nonce ? { nonce: request.nonce } : {}),
    sid: login.sid,
    authenticatedAt: login.authenticatedAt,
    customClaims,
  });
  return { code };
}
