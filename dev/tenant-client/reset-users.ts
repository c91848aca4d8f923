// `npm run dev-tenant:reset`: the dev tenant's users back to its tenant file's. A running tenant does
// it itself and goes on with them at once (POST /dev-tenant/reset-users); with none running, the
// changes saved for the tenant file are deleted here, and the next start reads the file's users.
import { rm } from 'node:fs/promises';
import type { AppConfig } from '../../config/load-config';
import { RESET_HEADER } from '../tenant/reset-users';
import { stateFileFor } from '../tenant/stores/saved-users/saved-users';
import { tenantFileName } from '../tenant/tenant-file/read-tenant-file';

type Config = Pick<AppConfig, 'devTenantOrigin' | 'devTenantDataDir' | 'devTenant'>;

/** Says what it did in one line (`say`), or what stopped it (`complain`); resolves false on failure. */
export async function resetUsers(
  config: Config,
  say: (line: string) => void,
  complain: (line: string) => void,
): Promise<boolean> {
  const url = `${config.devTenantOrigin}/dev-tenant/reset-users`;
  const response = await post(url);
  if (response === 'not running') return deleteSavedChanges(config, say, complain);
  if ('problem' in response) {
    complain(`${url} ${response.problem}; stop whatever listens there, then run this again.`);
    return false;
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) {
    say(
      `The dev tenant at ${config.devTenantOrigin} has ${String(body.tenantFile)}'s users again: the changes made through its Management API are gone, from the next login on.`,
    );
    return true;
  }
  complain(
    typeof body.error_description === 'string'
      ? `The dev tenant at ${config.devTenantOrigin} answered: ${body.error_description}`
      : `${url} answered ${response.status}: is it the dev tenant of this checkout? Restart it (npm start), then run this again.`,
  );
  return false;
}

/** The tenant's answer, 'not running' when nothing listens there, or what went wrong. */
async function post(url: string): Promise<Response | 'not running' | { problem: string }> {
  // Twice at most: a connection kept from an earlier request may have been closed meanwhile.
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { [RESET_HEADER]: 'users' },
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED') return 'not running';
      if (code === 'UND_ERR_SOCKET' && attempt === 1) continue;
      const timedOut = (error as Error).name === 'TimeoutError';
      return { problem: timedOut ? 'did not answer within 5 s' : `cannot be reached (${code ?? String(error)})` };
    }
  }
}

async function deleteSavedChanges(
  config: Config,
  say: (line: string) => void,
  complain: (line: string) => void,
): Promise<boolean> {
  const tenantFile = tenantFileName(config.devTenant.file);
  const stateFile = stateFileFor(config.devTenantDataDir, config.devTenant.file);
  try {
    await rm(stateFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      say(`Nothing to reset: no changes are saved for ${tenantFile}; the dev tenant starts with its users.`);
      return true;
    }
    complain(`Cannot delete ${tenantFileName(stateFile)} (${code ?? String(error)}).`);
    return false;
  }
  say(`Deleted ${tenantFileName(stateFile)}: the dev tenant starts with ${tenantFile}'s users (none is running now).`);
  return true;
}
