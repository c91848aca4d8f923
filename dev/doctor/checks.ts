// The checks behind `npm run doctor`, in the order a 401 would surface them. Each returns one line's
// worth: what was found, and for a failure, what to change.
import { DEFAULT_AUDIENCE, type AppConfig } from '../../config/load-config';
import { configuredTenant } from '../tenant-client/configured-tenant';
import { appApi, userPermissions } from '../tenant/model/lookups';
import { getTokensWithCode, postToken } from '../tenant-client/code-login';
import { DevTenantError, getTokensForUser, type GetTokensParams } from '../tenant-client/log-in';
import { verifyAccessToken } from '../verify-token';

export interface CheckResult {
  ok: boolean;
  detail: string;
  fix?: string;
}

const TIMEOUT_MS = 4000;

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | undefined)?.code;
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}

async function getJson(url: string): Promise<{ json?: unknown; problem?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    return { problem: `cannot reach ${url} (${describeFetchError(error)})` };
  }
  if (!response.ok) return { problem: `${url} answered HTTP ${response.status}` };
  try {
    return { json: await response.json() };
  } catch {
    return { problem: `${url} did not answer JSON` };
  }
}

export interface Discovery {
  issuer?: unknown;
  jwks_uri?: unknown;
}

export async function checkDiscovery(config: AppConfig): Promise<CheckResult & { discovery?: Discovery }> {
  const url = `${config.issuer}.well-known/openid-configuration`;
  const { json, problem } = await getJson(url);
  if (problem) {
    return {
      ok: false,
      detail: problem,
      fix: config.useDevTenant
        ? 'start the dev tenant first (npm start, or npm run dev-tenant in another terminal).'
        : 'check AUTH0_DOMAIN: it is your tenant domain as shown in the dashboard (Settings > Domain), e.g. my-tenant.us.auth0.com.',
    };
  }
  if (typeof json !== 'object' || json === null) {
    return {
      ok: false,
      detail: `${url} did not answer a discovery document`,
      fix: 'check AUTH0_DOMAIN: it must be the tenant itself, not another site.',
    };
  }
  return { ok: true, detail: `${url} answered`, discovery: json };
}

export function checkIssuer(config: AppConfig, discovery: Discovery): CheckResult {
  if (discovery.issuer === config.issuer) return { ok: true, detail: `issuer is ${config.issuer}` };
  return {
    ok: false,
    detail: `the tenant says its issuer is "${String(discovery.issuer)}", the API will expect "${config.issuer}"`,
    fix: "set AUTH0_DOMAIN to the host of the tenant's issuer (a custom domain and the tenant domain issue different `iss` values).",
  };
}

export async function checkJwks(config: AppConfig, discovery: Discovery): Promise<CheckResult> {
  const url = typeof discovery.jwks_uri === 'string' ? discovery.jwks_uri : config.jwksUri;
  const { json, problem } = await getJson(url);
  if (problem) return { ok: false, detail: problem, fix: 'the tenant must serve its JWKS; check AUTH0_DOMAIN.' };
  const keys =
    typeof json === 'object' && json !== null && Array.isArray((json as { keys?: unknown }).keys)
      ? (json as { keys: unknown[] }).keys.filter(
          (k): k is Record<string, unknown> => typeof k === 'object' && k !== null,
        )
      : [];
  const rsaKeys = keys.filter(
    (k) =>
      k.kty === 'RSA' &&
      (k.alg === undefined || k.alg === 'RS256') &&
      (k.use === undefined || k.use === 'sig') &&
      typeof k.kid === 'string',
  );
  if (rsaKeys.length === 0) {
    return {
      ok: false,
      detail: `${url} has no RS256 signing key with a kid`,
      fix: "in the dashboard, the API's signing algorithm must be RS256.",
    };
  }
  if (url !== config.jwksUri) {
    return {
      ok: false,
      detail: `the JWKS is at ${url}, the API will fetch ${config.jwksUri}`,
      fix: 'set AUTH0_DOMAIN to the host that serves the JWKS.',
    };
  }
  return { ok: true, detail: `${url}: ${rsaKeys.length} RS256 key(s)` };
}

/** Dev tenant only: a real login for the tenant file's most privileged user, then the API's own verification code. */
export async function checkRoundTrip(config: AppConfig): Promise<CheckResult> {
  const tenant = configuredTenant(config);
  const api = appApi(tenant);
  const permissions = (user: (typeof tenant.users)[number]) => (api ? userPermissions(tenant, user, api).length : 0);
  const admin = [...tenant.users].sort((a, b) => permissions(b) - permissions(a))[0];
  if (!admin)
    return { ok: false, detail: `${tenant.source} has no users`, fix: 'add one under users: in the tenant file.' };
  const login: GetTokensParams = {
    username: admin.email,
    password: admin.password,
    clientId: config.clientId,
    redirectUri: `${config.appOrigin}/callback`,
    audience: config.audience,
    scope: config.scope,
  };
  try {
    const code = config.authFlow === 'code';
    const tokens = code ? await getTokensWithCode(config.domain, login) : await getTokensForUser(config.domain, login);
    const claims = await verifyAccessToken(tokens.accessToken, {
      issuer: config.issuer,
      audience: config.audience,
      jwksUri: config.jwksUri,
    });
    const detail = `${admin.email} got an access token the API accepts (scope: ${String(claims.scope)})`;
    return code
      ? await refreshRoundTrip(config, detail, 'refreshToken' in tokens ? tokens.refreshToken : undefined)
      : { ok: true, detail };
  } catch (error) {
    const { code, hint, message } = error as { code?: string; hint?: string; message?: string };
    return {
      ok: false,
      detail: `token round trip failed: ${code ? `${code}: ` : ''}${message ?? String(error)}`,
      fix: hint ?? roundTripFix(error, config),
    };
  }
}

/** The code flow's login must bring a refresh token, and exchanging it must answer new tokens. */
async function refreshRoundTrip(
  config: AppConfig,
  detail: string,
  refreshToken: string | undefined,
): Promise<CheckResult> {
  if (!refreshToken) {
    return {
      ok: false,
      detail: `${detail} by the code flow, but no refresh token (asked for with offline_access)`,
      fix: 'the API must allow offline access and the client have the refresh_token grant type (the code flow lines above say which is missing).',
    };
  }
  const renewed = await postToken(config.domain, {
    grant_type: 'refresh_token',
    client_id: config.clientId,
    refresh_token: refreshToken,
  });
  const rotates = typeof renewed.refresh_token === 'string' && renewed.refresh_token !== refreshToken;
  return {
    ok: true,
    detail: `${detail} by the code flow, and a refresh token that renews it${rotates ? ' and rotates' : ''}`,
  };
}

/** The fix for a refused login: an unknown audience is AUTH0_AUDIENCE's business, not the tenant's output. */
function roundTripFix(error: unknown, config: AppConfig): string {
  if (error instanceof DevTenantError && /^Service not found/.test(error.errorDescription)) {
    return `the tenant has no API whose identifier is AUTH0_AUDIENCE ("${config.audience}"). The dev tenant's API identifier is AUTH0_AUDIENCE as it was when the tenant started (default ${DEFAULT_AUDIENCE}): give the tenant, the API and the app the same AUTH0_AUDIENCE (restart npm start), or unset it.`;
  }
  return "run npm start and check the dev tenant's output.";
}
