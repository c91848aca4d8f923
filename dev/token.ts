// `npm run -s token`: a real token from the running dev tenant, to call the API or the Management
// API with curl and see each classic 401/403 for yourself. A demo user's access token (or id_token,
// or the opaque token of a login without audience, or a Management API token with the current_user
// scopes), or a client-credentials token of the M2M client (AUTH0_M2M_CLIENT_ID/SECRET, by default
// the dev tenant's).
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { configuredTenant } from './tenant-client/configured-tenant';
import { DevTenantError, getTokensForUser } from './tenant-client/log-in';
import { DEFAULT_USER_PASSWORD } from './tenant/model/tenant-users';
import { managementApiIdentifier, USER_GRANTABLE_MANAGEMENT_SCOPES } from './tenant/model/management-api-resource';
import { getClientCredentialsToken } from './tenant-client/client-credentials';

const USAGE =
  'usage: npm run -s token -- [email] [--id-token | --no-audience | --management] | --m2m [--audience <api identifier>]';
const MODES = ['--id-token', '--no-audience', '--management', '--m2m'];

interface Request {
  mode?: string;
  email?: string;
  audience?: string;
}

function parseArgs(args: readonly string[]): Request {
  const request: Request = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--audience') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) fail(`--audience needs an API identifier; ${USAGE}`);
      request.audience = value;
    } else if (MODES.includes(arg)) {
      if (request.mode) fail(`${request.mode} and ${arg} cannot go together; ${USAGE}`);
      request.mode = arg;
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}; ${USAGE}`);
    } else {
      request.email = arg;
    }
  }
  if (request.audience !== undefined && request.mode !== '--m2m') fail(`--audience goes with --m2m; ${USAGE}`);
  if (request.email !== undefined && request.mode === '--m2m') fail(`--m2m logs no user in; ${USAGE}`);
  return request;
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfigOrExit();
  const request = parseArgs(process.argv.slice(2));
  if (!config.useDevTenant) {
    fail(
      'npm run token logs in demo users of the dev tenant; with AUTH0_DOMAIN set, log in in the app and use its /token page.',
    );
  }
  const users = configuredTenant(config).users;
  // Default: the tenant file's first user. An email it does not list is still tried (and refused).
  const username = request.email ?? users[0]?.email ?? '';
  const user = users.find((candidate) => candidate.email === username.toLowerCase());
  try {
    if (request.mode === '--m2m') {
      // The API's own client: AUTH0_M2M_CLIENT_ID/SECRET, by default the tenant file's (local-dev-m2m).
      const client = config.managementClient;
      if (!client) {
        fail(`${config.devTenant.file} has no M2M client (see npm run doctor); set AUTH0_M2M_CLIENT_ID/SECRET.`);
      }
      const token = await getClientCredentialsToken(config.domain, {
        ...client,
        audience: request.audience ?? config.audience,
      });
      console.log(token.accessToken);
      return;
    }
    const management = request.mode === '--management';
    const tokens = await getTokensForUser(config.domain, {
      username,
      password: user?.password ?? DEFAULT_USER_PASSWORD,
      clientId: config.clientId,
      redirectUri: `${config.appOrigin}/callback`,
      scope: config.scope,
      // Without an audience the tenant issues an opaque token, as Auth0 does: the API says opaque_token.
      audience: management
        ? managementApiIdentifier(config.issuer)
        : request.mode === '--no-audience'
          ? undefined
          : config.audience,
      // A user may hold the current_user scopes of the Management API only; Auth0 drops any other.
      ...(management ? { scope: `openid profile email ${USER_GRANTABLE_MANAGEMENT_SCOPES.join(' ')}` } : {}),
    });
    console.log(request.mode === '--id-token' ? tokens.idToken : tokens.accessToken);
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
