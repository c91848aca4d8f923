import type { Response } from 'express';
import type { AuthorizeRequest } from './authorize-request';
import { sendAuthorizationResponse } from './authorization-response';
import type { DemoUser } from './demo-users';
import type { Session } from './sessions';
import type { TenantContext } from './tenant-context';
import { issueTokens } from './token-issuer';

/** The last step of /authorize, for a logged-in user: tokens, then back to the client. */
export async function completeAuthorization(
  ctx: TenantContext,
  res: Response,
  request: AuthorizeRequest,
  user: DemoUser,
  session: Session,
): Promise<void> {
  const result = await issueTokens(ctx, request, user, session.sid);
  sendAuthorizationResponse(res, request, result);
}
