// What `npm run doctor` prints: the checks in the order a 401 would surface them, one line each,
// stopping where a failure makes the next check meaningless.
import { ConfigError, loadConfig, type AppConfig } from '../../config/load-config';
import { checkDiscovery, checkIssuer, checkJwks, checkRoundTrip, type CheckResult } from './checks';
import { checkFlowSettings } from './flow-settings';
import { checkSameSite } from './same-site';
import { checkManagementApiClient } from './management-api-client';

type Print = (line: string) => void;

function report(print: Print, name: string, result: CheckResult): boolean {
  print(`${result.ok ? 'ok  ' : 'FAIL'} ${name}: ${result.detail}${result.fix ? `\n     fix: ${result.fix}` : ''}`);
  return result.ok;
}

/** Runs every check it can and prints one line per check; true only when all passed. */
export async function runDoctor(env: Record<string, string | undefined>, print: Print): Promise<boolean> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(print, 'configuration', { ok: false, detail: error.message });
    return false;
  }
  const tenant = config.useDevTenant ? 'the embedded dev tenant' : 'your Auth0 tenant';
  const flow = config.authFlow === 'code' ? `, the code flow (tokens in ${config.authCache})` : '';
  report(print, 'configuration', {
    ok: true,
    detail: `${tenant} ${config.domain}, client ${config.clientId}, audience ${config.audience}${flow}`,
  });

  const discovered = await checkDiscovery(config);
  if (!report(print, 'tenant reachable', discovered) || !discovered.discovery) return false;
  let ok = report(print, 'issuer', checkIssuer(config, discovered.discovery));
  ok = report(print, 'JWKS', await checkJwks(config, discovered.discovery)) && ok;
  ok = (await checkFlowSettings(config, print)) && ok;
  if (config.useDevTenant) {
    ok = ok && report(print, 'token round trip', await checkRoundTrip(config));
  } else {
    print(
      "skip token round trip: needs a browser login on a real tenant; after logging in, open the app's /token page.",
    );
  }
  print(checkSameSite(config));
  ok = (await checkManagementApiClient(config, discovered.discovery, print)) && ok;
  print(ok ? 'All checks passed.' : 'Some checks failed; fix the lines marked FAIL.');
  return ok;
}
