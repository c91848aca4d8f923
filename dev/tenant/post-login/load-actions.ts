// Loads the post-login actions' code once, when the tenant starts, as Auth0 deploys an action
// once: an action file changed afterwards takes effect at the next start. A file that cannot be
// loaded or exports no onExecutePostLogin stops the tenant with the tenant file's one-line error.
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type { PostLoginActionDefinition, TenantModel } from '../model/tenant-model';
import { TenantFileError } from '../tenant-file/tenant-file-error';

/** `exports.onExecutePostLogin = async (event, api) => { ... }`, sync or async. */
export type OnExecutePostLogin = (event: unknown, api: unknown) => unknown;

export interface LoadedPostLoginAction extends PostLoginActionDefinition {
  onExecutePostLogin: OnExecutePostLogin;
}

// Auth0 actions are CommonJS modules; require() also caches them, so each is loaded once.
const load = createRequire(__filename);

export function loadPostLoginActions(tenant: TenantModel): LoadedPostLoginAction[] {
  return tenant.postLoginActions.map((action) => {
    const shown = relative(process.cwd(), action.codeFile) || action.codeFile;
    let exported: unknown;
    try {
      exported = load(action.codeFile);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new TenantFileError(tenant.source, action.codeLocation, `${shown} cannot be loaded (${reason})`);
    }
    const handler = (exported as { onExecutePostLogin?: unknown } | null)?.onExecutePostLogin;
    if (typeof handler !== 'function') {
      throw new TenantFileError(
        tenant.source,
        action.codeLocation,
        `${shown} does not export onExecutePostLogin (exports.onExecutePostLogin = async (event, api) => { ... })`,
      );
    }
    return { ...action, onExecutePostLogin: handler as OnExecutePostLogin };
  });
}
