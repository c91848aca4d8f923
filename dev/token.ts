// `npm run -s token -- [email] [--id-token | --no-audience]`: a real token for a demo user from the
// running dev tenant, to call the API with curl and see each classic 401 for yourself.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { DEMO_PASSWORD } from './tenant/demo-users';
import { DevTenantError, getTokensForUser } from './tenant/login-over-http';

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
  const username = args.find((arg) => !arg.startsWith('--')) ?? 'reader@example.com';
  try {
    const tokens = await getTokensForUser(config.domain, {
      username,
      password: DEMO_PASSWORD,
      clientId: config.clientId,
      redirectUri: `${config.appOrigin}/callback`,
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
