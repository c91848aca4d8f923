// The authorization code flow with PKCE and rotating refresh tokens (AUTH_FLOW=code, auth0-spa-js),
// in a real browser against the dev tenant: the whole walk with tokens in memory; and with the
// tenant on another site and third-party cookies blocked, tokens in localStorage keeping the session
// across a reload, a replayed refresh token revoking the family, logout revoking the refresh token.
import { describeCodeFlowAcrossSites } from './code-flow-cross-site';
import { describeCodeFlowWalk } from './code-flow-walk';

describeCodeFlowWalk();
describeCodeFlowAcrossSites();
