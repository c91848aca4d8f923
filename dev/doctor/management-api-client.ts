// `npm run doctor`: the API's own Management API client (AUTH0_M2M_*), checked as the API uses it: a
// client-credentials request for the Management API, and the scopes granted against the list the
// users proxy needs. A real tenant without the variables is a warning: only /api/users needs them.
import type { AppConfig } from '../../config/load-config';
import { requestClientCredentialsToken } from '../../server/management/client-credentials';
import { ProxyError } from '../../server/management/proxy-error';
import { MANAGEMENT_API_SCOPES } from '../../server/management/required-scopes';
import type { Discovery } from './checks';

const NAME = 'Management API client';
const GRANTS_PAGE = 'Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications';

/** Prints one line (and its fix); false only for a failure. */
export async function checkManagementApiClient(
  config: AppConfig,
  discovery: Discovery & { token_endpoint?: unknown },
  print: (line: string) => void,
): Promise<boolean> {
  const line = (status: 'ok  ' | 'FAIL' | 'warn' | 'skip', detail: string, fix?: string) => {
    print(`${status} ${NAME}: ${detail}${fix ? `\n     fix: ${fix}` : ''}`);
    return status !== 'FAIL';
  };
  const client = config.managementClient;
  if (!client) {
    return line(
      'warn',
      `${config.useDevTenant ? `${config.devTenant.file} has no client with a client grant for the Management API and ` : ''}AUTH0_M2M_CLIENT_ID/SECRET are not set: GET /api/users and the role changes answer 503 management_api_not_configured; every other route works.`,
      config.useDevTenant
        ? `to use them, add a non_interactive client with client_secret and a client grant for ##DEV_TENANT_ORIGIN##/api/v2/ with ${MANAGEMENT_API_SCOPES.join(' ')} to the tenant file (as dev-tenant.yaml's local-dev-m2m).`
        : `to use them, authorise a Machine to Machine application for the Auth0 Management API with ${MANAGEMENT_API_SCOPES.join(' ')} (${GRANTS_PAGE}) and set both variables for the API.`,
    );
  }
  const tokenUrl = `${config.issuer}oauth/token`;
  if (discovery.token_endpoint === undefined) {
    return line('skip', `the tenant announces no token endpoint, so ${client.clientId} cannot be checked.`);
  }
  if (discovery.token_endpoint !== tokenUrl) {
    return line(
      'FAIL',
      `the tenant's token endpoint is ${JSON.stringify(discovery.token_endpoint)}, the API will ask ${tokenUrl}`,
      'set AUTH0_DOMAIN to the host of the tenant that issues the tokens.',
    );
  }

  let scope: string;
  try {
    const audience = `${config.issuer}api/v2/`;
    ({ scope } = await requestClientCredentialsToken({ tokenUrl, audience, ...client, timeoutMs: 4000 }));
  } catch (error) {
    if (!(error instanceof ProxyError)) throw error;
    // The same words the API would answer with, minus the JSON: the tenant's answer and the fix.
    return line('FAIL', error.description, error.hint);
  }
  const granted = scope.split(' ').filter(Boolean);
  const missing = MANAGEMENT_API_SCOPES.filter((needed) => !granted.includes(needed));
  if (missing.length) {
    return line(
      'FAIL',
      `${client.clientId} is granted ${granted.join(' ') || 'no scope'} on the Management API; the users proxy also needs ${missing.join(' ')}.`,
      `add ${missing.join(' ')} to its grant (${GRANTS_PAGE}).`,
    );
  }
  const unused = granted.filter((scope) => !(MANAGEMENT_API_SCOPES as readonly string[]).includes(scope));
  return line(
    'ok  ',
    `${client.clientId} gets a Management API token with the ${MANAGEMENT_API_SCOPES.length} scopes the users proxy needs${unused.length ? ` (also granted, not used: ${unused.join(' ')})` : ''}`,
  );
}
