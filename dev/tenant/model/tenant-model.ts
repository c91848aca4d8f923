// The tenant the dev tenant runs: what a tenant file (dev-tenant.yaml) describes, with every
// reference resolved and checked, in the shape the routes use. Field names follow Auth0's
// (camelCase here, snake_case in the file and in Auth0's APIs) so that each one can be looked up
// in Auth0's documentation. Built by tenant-file/read-tenant-file.ts; never changed once built
// (run-time changes to users live in TenantUsers).

/** An application ("client" in Auth0's APIs and in a0deploy's `clients`). */
export interface TenantClient {
  /** Unique in the tenant: an a0deploy export names clients by it (clientGrants, databases). */
  name: string;
  /** Fixed in the tenant file (an a0deploy export has none); what /authorize and tokens carry. */
  clientId: string;
  /** `spa`, `non_interactive`, `native`, `regular_web`... as Auth0's app_type. */
  appType: string;
  /** Confidential clients only (client_credentials). */
  clientSecret?: string;
  /** `implicit`, `client_credentials`...: a flow the list lacks is refused, as Auth0 does. */
  grantTypes: readonly string[];
  /** "Allowed Callback URLs": a redirect_uri must equal one of them exactly. */
  callbackUrls: readonly string[];
  /** "Allowed Logout URLs": a logout returnTo must equal one of them exactly. */
  logoutUrls: readonly string[];
  /** "Allowed Web Origins": who may receive web_message responses and call /userinfo and /oauth/token from a browser. */
  webOrigins: readonly string[];
  /** The application's "Refresh Token Rotation" and "Refresh Token Expiration" settings. */
  refreshToken: RefreshTokenSettings;
}

/**
 * A client's `refresh_token` object, as Auth0's Management API and a0deploy write it, in seconds.
 * Auth0's defaults (an application that never turned rotation on): non-rotating, non-expiring.
 */
export interface RefreshTokenSettings {
  /** `rotating`: every exchange returns a new refresh token, and reusing an old one revokes the family. */
  rotationType: 'rotating' | 'non-rotating';
  /** `non-expiring`: the lifetimes below do not apply. */
  expirationType: 'expiring' | 'non-expiring';
  /** The "Rotation Overlap Period": how long the previous token may still be exchanged. */
  leewaySeconds: number;
  /** The absolute lifetime of a family, fixed when its first token is issued. */
  tokenLifetimeSeconds: number;
  infiniteTokenLifetime: boolean;
  /** How long a token may go unused; restarts at every exchange. */
  idleTokenLifetimeSeconds: number;
  infiniteIdleTokenLifetime: boolean;
}

export interface ApiScope {
  value: string;
  description: string;
}

/** `access_token_authz` adds a `permissions` claim to access tokens (meaningful with RBAC only). */
export type TokenDialect = 'access_token' | 'access_token_authz';

/** An API ("resource server"): the audience of access tokens. */
export interface ResourceServer {
  name: string;
  /** The audience, e.g. `https://quickstarts/api`. */
  identifier: string;
  scopes: readonly ApiScope[];
  /** RBAC ("Enable RBAC"): users are granted only the scopes their roles and permissions hold. */
  enforcePolicies: boolean;
  tokenDialect: TokenDialect;
  /** `token_lifetime`: access tokens from client credentials, and the cap of the web lifetime. */
  tokenLifetimeSeconds: number;
  /** `token_lifetime_for_web`: access tokens from the implicit flow (Auth0's default 7200). */
  tokenLifetimeForWebSeconds: number;
  /** "Allow Offline Access": whether a login for this API may get a refresh token (offline_access). */
  allowOfflineAccess: boolean;
  /** The Auth0 Management API (`<issuer>api/v2/`): in every tenant, never in the tenant file. */
  isManagementApi: boolean;
}

/** One API scope given to a role or a user (Auth0's RBAC permission). */
export interface Permission {
  resourceServerIdentifier: string;
  permissionName: string;
}

export interface Role {
  /** `rol_...`, derived from the name so it is stable across restarts (the file has no ids). */
  id: string;
  name: string;
  description: string;
  permissions: readonly Permission[];
}

/** What a client may get with client credentials for one API. */
export interface ClientGrant {
  /** The client's clientId (the file may name the client by name instead). */
  clientId: string;
  audience: string;
  scopes: readonly string[];
}

/** A user of the database connection, as Auth0's bulk import describes one, plus roles and a password. */
export interface TenantUser {
  /** `auth0|...`: the `sub` of tokens. */
  userId: string;
  /** Lower case: logins compare it so. */
  email: string;
  emailVerified: boolean;
  name: string;
  nickname: string;
  picture?: string;
  givenName?: string;
  familyName?: string;
  userMetadata: Readonly<Record<string, unknown>>;
  appMetadata: Readonly<Record<string, unknown>>;
  /** Role names, each a Role of the tenant. */
  roles: readonly string[];
  /** Permissions given to the user directly, besides those of the roles. */
  permissions: readonly Permission[];
  /** In clear: the dev tenant prints it on its login page. */
  password: string;
  createdAt: string;
  updatedAt: string;
}

/** A post-login Action bound in `triggers.post-login`. */
export interface PostLoginActionDefinition {
  name: string;
  /** Absolute path of the JavaScript file exporting onExecutePostLogin. */
  codeFile: string;
  /** Where the tenant file names that file (`actions[0].code`), for messages. */
  codeLocation: string;
  /** `event.secrets`. */
  secrets: Readonly<Record<string, string>>;
}

export interface TenantModel {
  /** The tenant file as messages name it, e.g. `dev-tenant.yaml`. */
  source: string;
  /** Exactly the `iss` of every token, with its trailing slash. */
  issuer: string;
  clients: readonly TenantClient[];
  /** The file's APIs in order, then the Management API. */
  resourceServers: readonly ResourceServer[];
  clientGrants: readonly ClientGrant[];
  roles: readonly Role[];
  /** As the file lists them; the live set is TenantUsers. */
  users: readonly TenantUser[];
  /** `triggers.post-login`, in the order they run. */
  postLoginActions: readonly PostLoginActionDefinition[];
  /** Sections of the file the dev tenant does not emulate (`connections`, `emailTemplates`...). */
  ignoredSections: readonly string[];
  /** One line each, naming the file: likely mistakes that do not stop the tenant (a misspelled key). */
  warnings: readonly string[];
}
