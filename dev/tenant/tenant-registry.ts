// What the dev tenant knows about: one SPA client and one API, like a fresh Auth0 tenant set up
// by the quickstart's instructions. Everything outside these lists is refused (no open redirects).

export interface RegisteredClient {
  clientId: string;
  /** "Allowed Callback URLs": redirect_uri must equal one of them exactly. */
  callbackUrls: readonly string[];
  /** "Allowed Logout URLs": returnTo must equal one of them exactly. */
  logoutUrls: readonly string[];
  /** "Allowed Web Origins": who may receive web_message responses and call /userinfo. */
  webOrigins: readonly string[];
}

export interface RegisteredApi {
  identifier: string;
  scopes: readonly string[];
}

export interface TenantRegistry {
  /** Exactly the `iss` of every token, with its trailing slash. */
  issuer: string;
  client: RegisteredClient;
  api: RegisteredApi;
  accessTokenTtlSeconds: number;
}

export const API_SCOPES = ['read:messages', 'write:messages'] as const;

export function buildRegistry(options: {
  issuer: string;
  appOrigin: string;
  clientId: string;
  audience: string;
  accessTokenTtlSeconds: number;
}): TenantRegistry {
  const appOrigin = new URL(options.appOrigin).origin;
  return {
    issuer: options.issuer,
    client: {
      clientId: options.clientId,
      // The app handles login responses on /callback only: one sent to / would leave both tokens in
      // the address bar and the history.
      callbackUrls: [`${appOrigin}/callback`],
      logoutUrls: [appOrigin, `${appOrigin}/`],
      webOrigins: [appOrigin],
    },
    api: { identifier: options.audience, scopes: API_SCOPES },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  };
}

export function findClient(registry: TenantRegistry, clientId: string | undefined): RegisteredClient | undefined {
  return clientId === registry.client.clientId ? registry.client : undefined;
}

/** `${issuer}userinfo`: the second audience of access tokens issued with `openid`. */
export function userinfoAudience(registry: TenantRegistry): string {
  return `${registry.issuer}userinfo`;
}
