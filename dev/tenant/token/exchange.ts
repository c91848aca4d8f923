// One token request answered, in Auth0's order: the grant type, the client (authenticated by its
// secret), whether it may use the grant type, then the grant's own decisions.
import type { TenantContext } from '../context';
import { authenticateClient } from './client-auth';
import { tokenErrors } from './errors';
import { AUTH0_GRANT_TYPES, GRANTS } from './grants';
import type { TokenResponse } from './grants/grant';
import type { TokenRequest } from './request';

/** A token, or a thrown OAuthError with the refusal Auth0 would give. */
export async function exchangeToken(
  ctx: TenantContext,
  request: TokenRequest,
  now = Date.now(),
): Promise<TokenResponse> {
  const { grantType } = request;
  if (grantType === undefined) throw tokenErrors.missing('grant_type');
  if (!AUTH0_GRANT_TYPES.has(grantType)) throw tokenErrors.unsupportedGrantType(grantType);
  const client = authenticateClient(ctx.tenant, request);
  if (!client.grantTypes.includes(grantType)) throw tokenErrors.grantTypeNotAllowed(grantType);
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) throw tokenErrors.notEmulatedGrantType(grantType, Object.keys(GRANTS));
  return grant.exchange(ctx, client, request.params, now, request.http);
}
