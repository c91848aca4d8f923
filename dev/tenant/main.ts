// `npm run dev-tenant`: the embedded dev tenant on loopback, with its signing key kept in
// .dev-tenant/ (git-ignored) so tokens survive restarts.
import { resolve } from 'node:path';
import { DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID, loadConfigOrExit, loadDotEnv } from '../../config/load-config';
import { createDevTenant } from './create-dev-tenant';
import { SigningKeyFileError } from './signing-key';

const KEY_FILE = resolve(__dirname, '..', '..', '.dev-tenant', 'signing-key.json');

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
  // With a real tenant configured, its client id and audience are not this tenant's business.
  const origin = config.devTenantOrigin; // DEV_TENANT_HOST: localhost, or 127.0.0.1 for another site than the app
  const clientId = config.useDevTenant ? config.clientId : DEV_TENANT_CLIENT_ID;
  const app = await createDevTenant({
    issuer: `${origin}/`,
    appOrigin: config.appOrigin,
    clientId,
    audience: config.useDevTenant ? config.audience : DEFAULT_AUDIENCE,
    keyFile: KEY_FILE,
    accessTokenTtlSeconds: config.devTenantTokenTtlSeconds,
  }).catch((error: unknown) => {
    if (!(error instanceof SigningKeyFileError)) throw error;
    console.error(error.message);
    return process.exit(1);
  });

  // Loopback only: the demo users' password is public. Express 5 hands a listen error to this callback.
  const server = app.listen(config.devTenantPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
    if (!error) {
      console.log(`Dev tenant listening on ${origin} (issuer ${origin}/, client ${clientId}).`);
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
}

void main();
