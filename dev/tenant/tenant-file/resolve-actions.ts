// The tenant file's actions and their post-login bindings. Each bound action's code is a file
// next to the tenant file (Deploy CLI writes `./actions/<name>/code.js`); whether it really exports
// onExecutePostLogin is checked when the tenant loads it (post-login/load-actions.ts), since that
// means running it, which the configuration of the other processes never does.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { PostLoginActionDefinition } from '../model/tenant-model';
import { requireUnique } from './resolve-applications';
import type { TenantFile } from './schema';
import { formatPath, TenantFileError } from './tenant-file-error';

/**
 * The quickstart's root, where its own tenant file lives: its actions' paths start there, so a copy of
 * the file elsewhere still finds them. (Not taken from config/, which loads this folder lazily.)
 */
const QUICKSTART_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The action's file: next to the tenant file, as the Deploy CLI writes it; else, for a copy of the
 * quickstart's tenant file kept elsewhere, where the quickstart's own file would find it.
 */
function findCodeFile(tenantFile: string, code: string): string | undefined {
  const places = [dirname(tenantFile), ...(isAbsolute(code) ? [] : [QUICKSTART_ROOT])];
  return places.map((dir) => resolve(dir, code)).find((path) => existsSync(path) && statSync(path).isFile());
}

export function resolvePostLoginActions(
  file: string,
  absoluteFile: string,
  actions: TenantFile['actions'],
  triggers: TenantFile['triggers'],
): PostLoginActionDefinition[] {
  requireUnique(file, 'actions', actions, (action) => action.name, 'name');
  const bindings = triggers['post-login'];
  requireUnique(file, 'triggers.post-login', bindings, (binding) => binding.action_name, 'action_name');
  return bindings.map((binding, i) => {
    const index = actions.findIndex((action) => action.name === binding.action_name);
    const action = actions[index];
    if (!action) {
      const known = actions.length ? actions.map((a) => a.name).join(', ') : 'none';
      throw TenantFileError.at(
        file,
        ['triggers', 'post-login', i, 'action_name'],
        `no action named "${binding.action_name}" (actions: ${known})`,
      );
    }
    if (!action.supported_triggers.some((trigger) => trigger.id === 'post-login')) {
      throw TenantFileError.at(
        file,
        ['actions', index, 'supported_triggers'],
        'bound to post-login, so it must list { id: post-login, version: v3 }',
      );
    }
    if (action.deployed === false) {
      throw TenantFileError.at(
        file,
        ['actions', index, 'deployed'],
        'bound to post-login but not deployed; Auth0 runs deployed actions only',
      );
    }
    const codeFile = findCodeFile(absoluteFile, action.code);
    if (!codeFile) {
      throw TenantFileError.at(
        file,
        ['actions', index, 'code'],
        `${action.code}: no such file (paths are relative to the tenant file)`,
      );
    }
    return {
      name: action.name,
      codeFile,
      codeLocation: formatPath(['actions', index, 'code']),
      secrets: Object.fromEntries(action.secrets.map((secret) => [secret.name, secret.value])),
    };
  });
}
