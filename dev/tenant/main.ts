// `npm run dev-tenant`: the embedded dev tenant on loopback, shaped by its tenant file
// (dev-tenant.yaml, or DEV_TENANT_CONFIG), with its signing key and the users' changes kept in
// .dev-tenant/ (git-ignored; DEV_TENANT_DATA_DIR names another folder) so tokens and changes survive
// restarts. A mistake in the tenant file stops it with one line.
import { resolve } from 'node:path';
import { loadConfigOrExit, loadDotEnv } from '../../config/load-config';
import { devTenantApp, loadTenantContext } from './app';
import { appClient } from './model/lookups';
import { SigningKeyFileError } from './shared/signing-key';
import { TenantFileError } from './tenant-file/tenant-file-error';

async function main(): Promise<void> {
  loadDotEnv();
  if (process.env.NODE_ENV === 'production') {
    console.error(
      'The dev tenant refuses to run with NODE_ENV=production: it logs anyone in with a published password.',
    );
    process.exit(1);
  }
  const config = loadConfigOrExit();
  if (!config.useDevTenant) {
    console.log(
      `Note: AUTH0_DOMAIN is set (${config.domain}), so the app and API do not use this dev tenant; starting it anyway.`,
    );
  }
  const origin = config.devTenantOrigin; // DEV_TENANT_HOST: localhost, or 127.0.0.1 for another site than the app
  const ctx = await loadTenantContext({
    issuer: `${origin}/`,
    tenantFile: config.devTenant,
    keyFile: resolve(config.devTenantDataDir, 'signing-key.json'),
    stateDir: config.devTenantDataDir,
    accessTokenTtlSeconds: config.devTenantTokenTtlSeconds,
  }).catch((error: unknown) => {
    if (!(error instanceof SigningKeyFileError || error instanceof TenantFileError)) throw error;
    console.error(error.message);
    return process.exit(1);
  });
  const { tenant } = ctx;
  if (tenant.ignoredSections.length) {
    console.log(`${tenant.source}: not emulated, ignored: ${tenant.ignoredSections.join(', ')}.`);
  }
  for (const warning of tenant.warnings) console.warn(warning);

  // Loopback only: the users' passwords are public. Express 5 hands a listen error to this callback.
  const server = devTenantApp(ctx).listen(config.devTenantPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
    if (!error) {
      const client = (appClient(tenant) ?? appClient(tenant, 'authorization_code'))?.clientId ?? 'none';
      console.log(
        `Dev tenant listening on ${origin} (issuer ${origin}/, tenant file ${tenant.source}, client ${client}).`,
      );
      return;
    }
    if (error.code === 'EADDRINUSE') {
      console.error(`Port ${config.devTenantPort} is already in use; set DEV_TENANT_PORT to a free port.`);
    } else {
      console.error(`The dev tenant cannot listen on 127.0.0.1:${config.devTenantPort}: ${error.message}`);
    }
    process.exit(1);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // An open browser tab may hold a keep-alive connection; do not wait for it.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // An action that starts work without awaiting it may leave a rejected promise behind; Node would
  // stop the tenant for it. Say so in one line and keep serving.
  process.on('unhandledRejection', (reason) => {
    const what = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    console.error(`dev tenant: a promise nobody awaited failed (${what}); does a post-login action forget an await?`);
  });
}

void main();
