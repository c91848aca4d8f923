// AUTH_FLOW and AUTH_CACHE: the SPA's login flow, chosen at build time, and with the code flow where
// its tokens are kept. One place reads them, for the build, the dev tenant's registration and the doctor.
import { ConfigError, read, type Env } from './env-values';

export type AuthFlowName = 'implicit' | 'code';
export type AuthCache = 'memory' | 'localstorage';

const FLOWS: readonly AuthFlowName[] = ['implicit', 'code'];
const CACHES: readonly AuthCache[] = ['memory', 'localstorage'];

export function readAuthFlow(env: Env): { authFlow: AuthFlowName; authCache: AuthCache } {
  const flow = read(env, 'AUTH_FLOW') ?? 'implicit';
  if (!(FLOWS as readonly string[]).includes(flow)) {
    throw new ConfigError(
      `AUTH_FLOW="${flow}" is not a login flow: implicit (the default: angular-auth0 + auth0-js) or code (authorization code + PKCE with refresh tokens: auth0-spa-js).`,
    );
  }
  const cache = read(env, 'AUTH_CACHE') ?? 'memory';
  if (!(CACHES as readonly string[]).includes(cache)) {
    throw new ConfigError(`AUTH_CACHE="${cache}" is not a place for tokens: memory (the default) or localstorage.`);
  }
  if (flow === 'implicit' && cache === 'localstorage') {
    throw new ConfigError(
      'AUTH_CACHE=localstorage is for AUTH_FLOW=code (the implicit flow keeps its tokens in memory only): set AUTH_FLOW=code, or unset AUTH_CACHE.',
    );
  }
  return { authFlow: flow as AuthFlowName, authCache: cache as AuthCache };
}
