// The default tenant file's machine-to-machine client (dev-tenant.yaml, "Quickstart API (Management
// API client)"): what `npm run -s token -- --m2m` authenticates as when AUTH0_M2M_CLIENT_ID and
// AUTH0_M2M_CLIENT_SECRET are unset. Its secret is published on purpose: the dev tenant protects
// nothing real. dev/tenant/test/client-credentials.spec.ts checks the file still says the same.
export const DEV_TENANT_M2M_CLIENT_ID = 'local-dev-m2m';
export const DEV_TENANT_M2M_CLIENT_SECRET = 'dev-m2m-secret-not-for-production';
