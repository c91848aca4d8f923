// `npm run doctor` with AUTH_FLOW=code: the application's and the API's settings the code flow needs.
// Any tenant answers two probes of its token endpoint without credentials: a grant type the client
// lacks is refused with unauthorized_client before the token is looked at, and the answer carries
// CORS for the client's web origins only. The dev tenant's file says the rest (rotation, offline
// access); a real tenant's dashboard does, and the doctor says where.
import type { AppConfig } from '../../config/load-config';
import { configuredTenant } from '../tenant-client/configured-tenant';
import { findClient, findResourceServer } from '../tenant/model/lookups';

type Status = 'ok  ' | 'FAIL' | 'warn' | 'skip';
type Print = (line: string) => void;

const GRANTS = { authorization_code: 'Authorization Code', refresh_token: 'Refresh Token' } as const;

async function probe(config: AppConfig, grantType: keyof typeof GRANTS) {
  const response = await fetch(`${config.issuer}oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: config.appOrigin },
    // Made-up values: only the refusal matters, and which one it is.
    body: new URLSearchParams({
      grant_type: grantType,
      client_id: config.clientId,
      code: 'doctor-probe',
      code_verifier: 'doctor-probe-verifier-doctor-probe-verifier',
      redirect_uri: `${config.appOrigin}/callback`,
      refresh_token: 'doctor-probe',
    }),
    signal: AbortSignal.timeout(4000),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  return { refused: body.error === 'unauthorized_client', cors: response.headers.get('access-control-allow-origin') };
}

/** The dev tenant's file: the client's grant types and rotation, the API's offline access. */
function fileLines(config: AppConfig): [Status, string, string?][] {
  const tenant = configuredTenant(config);
  const index = tenant.clients.findIndex((client) => client.clientId === config.clientId);
  const client = findClient(tenant, config.clientId);
  const api = findResourceServer(tenant, config.audience);
  const lines: [Status, string, string?][] = [];
  if (client?.refreshToken.rotationType !== 'rotating') {
    lines.push([
      'warn',
      `refresh tokens of ${config.clientId} do not rotate: one copied out of the page works until it expires.`,
      `set clients[${index}].refresh_token.rotation_type: rotating in ${tenant.source} (Auth0: the application's Refresh Token Rotation).`,
    ]);
  }
  if (api && !api.allowOfflineAccess) {
    lines.push([
      'FAIL',
      `the API ${api.identifier} does not allow offline access: logins get no refresh token, so every renewal needs the tenant's session cookie.`,
      `set allow_offline_access: true on that API in ${tenant.source} (Auth0: APIs > your API > Settings > Allow Offline Access).`,
    ]);
  }
  return lines.length
    ? lines
    : [['ok  ', `${config.clientId} rotates its refresh tokens, and ${config.audience} allows offline access`]];
}

/** Prints one line per finding; false when one failed. Nothing to check for the implicit flow. */
export async function checkFlowSettings(config: AppConfig, print: Print): Promise<boolean> {
  if (config.authFlow !== 'code') return true;
  const line = (status: Status, detail: string, fix?: string) => {
    print(`${status} code flow: ${detail}${fix ? `\n     fix: ${fix}` : ''}`);
    return status !== 'FAIL';
  };
  let ok = true;
  for (const grant of Object.keys(GRANTS) as (keyof typeof GRANTS)[]) {
    const { refused, cors } = await probe(config, grant).catch(() => ({ refused: false, cors: 'unreachable' }));
    if (cors === 'unreachable') return line('skip', `${config.issuer}oauth/token did not answer.`);
    if (refused) {
      ok = false;
      line(
        'FAIL',
        `client ${config.clientId} lacks the ${grant} grant type (the tenant answers unauthorized_client).`,
        config.useDevTenant
          ? `add ${grant} to its grant_types in ${config.devTenant.file}.`
          : `Dashboard > Applications > your SPA > Settings > Advanced Settings > Grant Types: tick ${GRANTS[grant]}.`,
      );
    } else if (grant === 'refresh_token' && ok) {
      line('ok  ', `client ${config.clientId} may use the authorization_code and refresh_token grant types`);
    }
    if (grant === 'refresh_token' && cors !== config.appOrigin) {
      ok = false;
      line(
        'FAIL',
        `the token endpoint's answers are not readable from ${config.appOrigin} (no CORS for it): the browser cannot redeem the code.`,
        config.useDevTenant
          ? `add ${config.appOrigin} to the client's web_origins in ${config.devTenant.file}.`
          : `add ${config.appOrigin} to the application's Allowed Web Origins (Dashboard > Applications > your SPA > Settings).`,
      );
    }
  }
  if (!config.useDevTenant) {
    return (
      line(
        'skip',
        'refresh token rotation and offline access cannot be read without the Management API.',
        "check them: the application's Refresh Token Rotation (on), and APIs > your API > Allow Offline Access (on).",
      ) && ok
    );
  }
  for (const [status, detail, fix] of fileLines(config)) ok = line(status, detail, fix) && ok;
  return ok;
}
