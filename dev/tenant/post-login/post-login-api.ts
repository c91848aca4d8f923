// The `api` a post-login action receives: the methods the dev tenant emulates (custom claims on
// both tokens, denying the login), and a few others that are accepted and ignored with a log line
// rather than failing the login with "undefined is not a function".
import { claimRestriction } from './restricted-claims';

/** What one action did through its api. */
export interface ActionRun {
  /** api.access.deny(reason) was called. */
  deniedWith?: string;
}

type Log = (line: string) => void;

/** The claims the actions of one login have set so far, per token. */
export interface ClaimsSoFar {
  accessToken: Record<string, unknown>;
  idToken: Record<string, unknown>;
}

function jsonValue(value: unknown): unknown {
  // A claim becomes JSON in the token: what JSON cannot hold is refused now, in the action.
  const text = JSON.stringify(value);
  if (text === undefined) return undefined;
  return JSON.parse(text) as unknown;
}

export function postLoginApi(options: {
  claims: ClaimsSoFar;
  run: ActionRun;
  /** False once the login has been answered (an action that outlived its time limit). */
  isLive: () => boolean;
  log: Log;
}): Record<string, unknown> {
  const { claims, run, isLive, log } = options;
  const api: Record<string, unknown> = {};
  const claimSetter = (token: 'accessToken' | 'idToken') => (name: unknown, value: unknown) => {
    if (!isLive()) return api;
    const claim = String(name);
    const restriction = claimRestriction(claim);
    if (restriction) {
      log(`api.${token}.setCustomClaim("${claim}") ignored: ${restriction}.`);
      return api;
    }
    const json = jsonValue(value);
    if (json === undefined) delete claims[token][claim];
    else claims[token][claim] = json;
    return api;
  };
  const ignored = (method: string) => () => {
    if (isLive()) log(`${method}() is not emulated by the dev tenant; ignored.`);
    return api;
  };
  Object.assign(api, {
    accessToken: {
      setCustomClaim: claimSetter('accessToken'),
      addScope: ignored('api.accessToken.addScope'),
      removeScope: ignored('api.accessToken.removeScope'),
    },
    idToken: { setCustomClaim: claimSetter('idToken') },
    access: {
      deny: (reason: unknown) => {
        if (isLive() && run.deniedWith === undefined) run.deniedWith = String(reason);
        return api;
      },
    },
    user: {
      setUserMetadata: ignored('api.user.setUserMetadata'),
      setAppMetadata: ignored('api.user.setAppMetadata'),
    },
    redirect: { sendUserTo: ignored('api.redirect.sendUserTo') },
    multifactor: { enable: ignored('api.multifactor.enable') },
  });
  return api;
}
