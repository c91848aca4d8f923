// Who calls the Management API: the bearer token checked as Auth0's Management API checks it, and
// refused with Auth0's answers. The classic mistakes each get theirs: no token (401 Missing
// authentication), an opaque token (400 Bad HTTP authentication header format), an id_token or a
// token from elsewhere (401 Invalid token), an access token for another API of the tenant (401 Bad
// audience), an expired one (401 Expired token...). RS256 with the tenant's own key only.
import { compactVerify, errors } from 'jose';
import type { TenantContext } from '../context';
import { managementErrors } from './management-errors';

export interface ManagementCaller {
  /** A user id (a user's token from /authorize) or `<client_id>@clients` (client credentials). */
  sub: string;
  scopes: ReadonlySet<string>;
}

/** hapi's bearer scheme, which Auth0's answers come from: `Bearer` and exactly one three-part token. */
function tokenOf(authorization: string | undefined): string {
  const parts = (authorization ?? '').trim().split(/\s+/);
  if (!authorization || parts[0].toLowerCase() !== 'bearer') throw managementErrors.missingAuthentication();
  if (parts.length !== 2 || parts[1].split('.').length !== 3) throw managementErrors.badHeaderFormat();
  return parts[1];
}

async function verifiedPayload(ctx: TenantContext, token: string): Promise<Record<string, unknown>> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, ctx.key.publicKey, { algorithms: ['RS256'] }));
  } catch (error) {
    throw error instanceof errors.JWSSignatureVerificationFailed
      ? managementErrors.invalidSignature()
      : managementErrors.invalidToken();
  }
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw managementErrors.invalidToken();
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw managementErrors.invalidToken();
  return claims as Record<string, unknown>;
}

function audiencesOf(claims: Record<string, unknown>): string[] {
  const aud = claims.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((value): value is string => typeof value === 'string') : [];
}

/** The caller, or a thrown ManagementError with Auth0's answer. */
export async function verifyManagementToken(
  ctx: TenantContext,
  authorization: string | undefined,
  now = Date.now(),
): Promise<ManagementCaller> {
  const claims = await verifiedPayload(ctx, tokenOf(authorization));
  const { exp, iss, sub, scope } = claims;
  if (typeof exp !== 'number') throw managementErrors.invalidToken();
  if (exp * 1000 <= now) throw managementErrors.expiredToken();
  if (iss !== ctx.tenant.issuer || typeof sub !== 'string') throw managementErrors.invalidToken();
  const audiences = audiencesOf(claims);
  const management = ctx.tenant.resourceServers.find((api) => api.isManagementApi)?.identifier;
  if (!management || !audiences.includes(management)) {
    // An access token for one of the tenant's own APIs names what it was for; anything else (an
    // id_token, whose aud is a client id) is just not a Management API token.
    const forOtherApi = audiences.some((aud) => ctx.tenant.resourceServers.some((api) => api.identifier === aud));
    throw forOtherApi ? managementErrors.badAudience(audiences) : managementErrors.invalidToken();
  }
  return { sub, scopes: new Set(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []) };
}
