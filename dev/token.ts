// `npm run -s token -- [email] [--id-token | --no-audience]`: a real token for a user of the tenant
// file from the running dev tenant, to call the API with curl and see each classic 401 for yourself.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { configuredTenant } from './tenant/configured-tenant';
import { DevTenantError, getTokensForUser } from './tenant/login-over-http';
import { DEFAULT_USER_PASSWORD } from './tenant/model/tenant-users';

const USAGE = 'usage: npm run -s token -- [email] [--id-token | --no-audience]';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--id-token' && arg !== '--no-audience');
  if (unknown.length) fail(`unknown option ${unknown[0]}; ${USAGE}`);
  if (!config.useDevTenant) {
    fail(
      'npm run token logs in demo users of the dev tenant; with AUTH0_DOMAIN set, log in in the app and use its /token page.',
    );
  }
  const users = configuredTenant(config).users;
  // Default: the tenant file's first user. An email it does not list is still tried (and refused).
  const username = args.find((arg) => !arg.startsWith('--')) ?? users[0]?.email ?? '';
  const user = users.find((candidate) => candidate.email === username.toLowerCase());
  try {
    const tokens = await getTokensForUser(config.domain, {
      username,
      password: user?.password ?? DEFAULT_USER_PASSWORD,
      clientId: config.clientId,
      redirectUri: `${config.appOrigin}/callback`,
      scope: config.scope,
      // Without an audience the tenant issues an opaque token, as Auth0 does: the API says opaque_token.
      audience: args.includes('--no-audience') ? undefined : config.audience,
    });
    console.log(args.includes('--id-token') ? tokens.idToken : tokens.accessToken);
  } catch (error) {
    if (error instanceof DevTenantError) fail(`the dev tenant refused: ${error.message}`);
    fail(`cannot reach the dev tenant at ${config.domain}: start it first (npm start, or npm run dev-tenant).`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

void main();
