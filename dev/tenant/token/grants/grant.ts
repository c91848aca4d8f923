// What one grant type of the token endpoint is: the parameters it reads and how it answers a client
// that has been identified and is allowed the grant type.
import type { TenantContext } from '../../context';
import type { TenantClient } from '../../model/tenant-model';
import type { EventRequest } from '../../post-login/post-login-event';

/** The token endpoint's success answer, fields in Auth0's order. */
export interface TokenResponse {
  access_token: string;
  /** A user's login with offline_access, and every rotation. */
  refresh_token?: string;
  /** A user's tokens with the openid scope. */
  id_token?: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
}

export interface Grant {
  /** The body parameters it reads besides grant_type, client_id and client_secret. */
  parameters: readonly string[];
  /** A token, or a thrown OAuthError with Auth0's refusal. */
  exchange(
    ctx: TenantContext,
    client: TenantClient,
    params: Readonly<Record<string, string>>,
    now: number,
    /** The HTTP request, for the post-login event of a refresh; absent in specs that call a grant directly. */
    http?: EventRequest,
  ): Promise<TokenResponse>;
}
