// The tenant file's actions and their post-login bindings. Each bound action's code is a file
// next to the tenant file (Deploy CLI writes `./actions/<name>/code.js`); whether it really exports
// onExecutePostLogin is checked when the tenant loads it (post-login/load-actions.ts), since that
// means running it, which the configuration of the other processes never does.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PostLoginActionDefinition } from '../model/tenant-model';
import { requireUnique } from './resolve-applications';
import type { TenantFile } from './schema';
import { formatPath, TenantFileError } from './tenant-file-error';

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
    const codeFile = resolve(dirname(absoluteFile), action.code);
    if (!existsSync(codeFile) || !statSync(codeFile).isFile()) {
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
