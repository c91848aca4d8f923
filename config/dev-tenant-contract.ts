// What the configuration and the dev tenant hand each other: where the tenant file is with what its
// placeholders stand for, and what the app and the API take from it. Types only, so that config/
// declares them without importing the dev tenant, and the dev tenant implements them.

/** Where the dev tenant's tenant file is and what its ##KEY## placeholders stand for. */
export interface DevTenantFile {
  /** Absolute: DEV_TENANT_CONFIG (relative to the working directory) or the default dev-tenant.yaml. */
  file: string;
  /** APP_ORIGIN, DEV_TENANT_ORIGIN, AUTH0_AUDIENCE. */
  keywords: Readonly<Record<string, string>>;
}

export interface DevTenantRegistration {
  clientId: string;
  audience: string;
  /** `openid profile email` and every scope of the API. */
  scope: string;
  /** The API's default Management API client (AUTH0_M2M_*'s default), when the file has one. */
  managementClient?: { clientId: string; clientSecret: string };
}

/**
 * Reads the tenant file (validating all of it) and picks the app's registration: the client and
 * API named by AUTH0_CLIENT_ID and AUTH0_AUDIENCE when set, else its first SPA with the flow's
 * grant type (AUTH_FLOW's: implicit or authorization_code) and its first API.
 * Returns a problem as one line instead of throwing, for the configuration to report.
 */
export type ReadDevTenantRegistration = (
  tenantFile: DevTenantFile,
  issuer: string,
  wanted: { clientId?: string; audience?: string; flow?: 'implicit' | 'code' },
) => DevTenantRegistration | { problem: string };
