// What the app and the API take from the dev tenant's tenant file when the dev tenant is the
// authorization server: the SPA's client id, the API's identifier, the scopes to ask for and the
// API's Management API client, so that a tenant file you did not write works with no AUTH0_*
// variable. The dev tenant's reader (dev/tenant/tenant-file/app-registration.ts) is loaded only
// then: an API configured for a real tenant never parses YAML, and config/ imports nothing of dev/.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import type { DevTenantFile, ReadDevTenantRegistration } from './dev-tenant-contract';

/** `dev-tenant.yaml` at the repository root. */
export const DEFAULT_DEV_TENANT_FILE = resolve(__dirname, '..', 'dev-tenant.yaml');

export function devTenantFilePath(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_DEV_TENANT_FILE;
  return isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
}

/** The tenant file and what its placeholders stand for; every process builds them here, once. */
export function devTenantFile(
  file: string,
  { appOrigin, devTenantOrigin, audience }: { appOrigin: string; devTenantOrigin: string; audience: string },
): DevTenantFile {
  return {
    file,
    keywords: { APP_ORIGIN: new URL(appOrigin).origin, DEV_TENANT_ORIGIN: devTenantOrigin, AUTH0_AUDIENCE: audience },
  };
}

const load = createRequire(__filename);

export const readDevTenantRegistration: ReadDevTenantRegistration = (tenantFile, issuer, wanted) => {
  const reader = load('../dev/tenant/tenant-file/app-registration') as {
    readDevTenantRegistration: ReadDevTenantRegistration;
  };
  return reader.readDevTenantRegistration(tenantFile, issuer, wanted);
};
