// The tenant the configuration points at (DEV_TENANT_CONFIG or dev-tenant.yaml), for the tooling
// that lists its users or logs one in: npm start's banner, npm run token, the doctor.
import type { AppConfig } from '../../config/load-config';
import type { TenantModel } from '../tenant/model/tenant-model';
import { readTenantFile } from '../tenant/tenant-file/read-tenant-file';

/** Throws a TenantFileError; with the dev tenant in use, loadConfig has already read the file once. */
export function configuredTenant(config: Pick<AppConfig, 'devTenant' | 'devTenantOrigin'>): TenantModel {
  return readTenantFile(config.devTenant.file, {
    issuer: `${config.devTenantOrigin}/`,
    keywords: config.devTenant.keywords,
  });
}
