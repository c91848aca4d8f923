// What a failed call to the tenant means for the developer: every refusal of the token endpoint or
// the Management API becomes a 502 management_api_error that quotes the tenant (status and message,
// never a token) and names the one setting to change.
import { ProxyError } from './proxy-error';
import { redactTokens } from './redact-tokens';
import { MANAGEMENT_API_SCOPES } from './required-scopes';

export interface TenantAnswer {
  status: number;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  retryAfterSeconds?: number;
}

const NEEDED = MANAGEMENT_API_SCOPES.join(' ');
const GRANTS_PAGE = 'Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications';
const LOGS = "See the tenant's logs (Dashboard > Monitoring > Logs) for this request.";

/** The token endpoint said no: credentials, grant, grant type, or something else. */
export function tokenRequestRefused(answer: TenantAnswer, tokenUrl: string, clientId: string): ProxyError {
  const { code, message } = tenantSays(answer);
  const quote = `The tenant answered the API's token request (POST ${tokenUrl}) with ${answer.status} ${code}: "${message}".`;
  let hint = LOGS;
  if (answer.status === 401 || code === 'invalid_client') {
    hint =
      'Check AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET: the Client ID and Client Secret of your Machine to Machine application (its Settings tab), on this tenant.';
  } else if (answer.status === 403 && /not authorized to access/i.test(message)) {
    hint = `Authorise the Machine to Machine application ${clientId} for the Auth0 Management API with exactly the scopes ${NEEDED} (${GRANTS_PAGE}).`;
  } else if (code === 'unauthorized_client') {
    hint = `Enable the Client Credentials grant of ${clientId} (Settings > Advanced Settings > Grant Types): AUTH0_M2M_CLIENT_ID must be a Machine to Machine application.`;
  } else if (answer.status === 429) {
    hint = rateLimited(answer);
  }
  return failure(answer, quote, hint);
}

/** The Management API said no; `freshToken`: the token was fetched again after a first 401. */
export function managementRequestRefused(answer: TenantAnswer, request: string, freshToken: boolean): ProxyError {
  const { code, message } = tenantSays(answer);
  const quote = `The Management API answered ${request} with ${answer.status} ${code}: "${message}".`;
  let hint = LOGS;
  if (answer.status === 403 && code === 'insufficient_scope') {
    const missing = /expected any of: (.*)$/i.exec(message)?.[1] ?? 'the scope it names';
    hint = `Add ${missing.trim()} to the Machine to Machine application's grant for the Auth0 Management API (${GRANTS_PAGE}); the proxy needs exactly ${NEEDED}.`;
  } else if (answer.status === 401 && freshToken) {
    hint =
      "The Management API refuses a token its own tenant just issued: AUTH0_DOMAIN must be the tenant's Auth0 domain, where both /oauth/token and /api/v2/ are.";
  } else if (answer.status === 429) {
    hint = rateLimited(answer);
  } else if (answer.status >= 500) {
    hint = 'The tenant failed: retry in a moment, and check https://status.auth0.com.';
  }
  return failure(answer, quote, hint);
}

/** The tenant could not be reached, or did not answer in time. */
export function tenantUnreachable(what: string, url: string, error: unknown, timeoutMs: number): ProxyError {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason =
    error instanceof Error && error.name === 'TimeoutError'
      ? `no answer within ${timeoutMs / 1000} s`
      : ((cause as { code?: string }).code ?? (cause instanceof Error ? cause.message : String(cause)));
  return new ProxyError(
    502,
    'management_api_error',
    `The tenant did not answer ${what} (${url}: ${quoteTenant(reason)}).`,
    "Check AUTH0_DOMAIN and that the API's host can reach the tenant (network, proxy, firewall); with the dev tenant, that it is running (npm start).",
  );
}

/** A 2xx answer the proxy cannot read: another server than Auth0 at that address, or an API change. */
export function unreadableAnswer(what: string, problem: string): ProxyError {
  return new ProxyError(
    502,
    'management_api_error',
    `The tenant's answer to ${what} ${problem}.`,
    'Check AUTH0_DOMAIN: it must name your Auth0 tenant, not another server.',
  );
}

function failure(answer: TenantAnswer, description: string, hint: string): ProxyError {
  return new ProxyError(502, 'management_api_error', description, hint, {
    retryAfterSeconds: answer.status === 429 ? answer.retryAfterSeconds : undefined,
  });
}

function rateLimited({ retryAfterSeconds }: TenantAnswer): string {
  const when = retryAfterSeconds === undefined ? 'in a moment' : `in ${retryAfterSeconds} s`;
  return `The tenant's rate limit for the Management API was reached: retry ${when}.`;
}

/** Auth0's two error shapes: OAuth's { error, error_description }, the Management API's { error, message, errorCode }. */
function tenantSays({ body }: TenantAnswer): { code: string; message: string } {
  if (typeof body !== 'object' || body === null) return { code: '(no JSON body)', message: '' };
  const { error, error_description, message, errorCode } = body as Record<string, unknown>;
  const code = firstString(errorCode, error) ?? '(no error code)';
  return { code: quoteTenant(code), message: quoteTenant(firstString(error_description, message) ?? '') };
}

const firstString = (...values: unknown[]) => values.find((value): value is string => typeof value === 'string');

// The tenant's words go into an answer: short, printable, and never a token, even an echoed one.
function quoteTenant(text: string, max = 300): string {
  const clean = redactTokens(text).replace(/[^\x20-\x7E]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}
