// `npm run dev-stack -- --app-origin <origin> [--callback <path>]` registers an app that is served
// elsewhere (a static server, another dev server) with the app's client, in memory: the tenant file
// is not edited, so nobody has to copy it. dev/dev-stack.ts hands the origin over in these variables,
// which every process of the stack (tenant, API) inherits.
import type { TenantClient } from '../model/tenant-model';

export const APP_ELSEWHERE_ENV = { origin: 'DEV_STACK_APP_ORIGIN', callback: 'DEV_STACK_CALLBACK' } as const;

/**
 * What the tenant registers for `origin`: as callbacks the page itself and index.html (a hashbang app
 * on a static server with no fallback), /callback (an html5Mode app), and `callback` when given.
 */
export function appElsewhereUrls(origin: string, callback?: string) {
  const callbacks = [`${origin}/`, `${origin}/index.html`, `${origin}/callback`];
  if (callback) callbacks.push(origin + callback);
  return { callbacks: [...new Set(callbacks)], logoutUrls: [origin, `${origin}/`], webOrigins: [origin] };
}

const union = (list: readonly string[], more: readonly string[]) => [...new Set([...list, ...more])];

/** `clients`, with the app's (AUTH0_CLIENT_ID's, else the first SPA with the implicit grant) also registering the origin `env` names. */
export function withAppElsewhere(clients: TenantClient[], env: NodeJS.ProcessEnv = process.env): TenantClient[] {
  const origin = env[APP_ELSEWHERE_ENV.origin];
  if (!origin) return clients;
  const urls = appElsewhereUrls(origin, env[APP_ELSEWHERE_ENV.callback] || undefined);
  const wanted = env.AUTH0_CLIENT_ID?.trim() || undefined;
  const app = clients.find((client) =>
    wanted ? client.clientId === wanted : client.appType === 'spa' && client.grantTypes.includes('implicit'),
  );
  return clients.map((client) =>
    client !== app
      ? client
      : {
          ...client,
          callbackUrls: union(client.callbackUrls, urls.callbacks),
          logoutUrls: union(client.logoutUrls, urls.logoutUrls),
          webOrigins: union(client.webOrigins, urls.webOrigins),
        },
  );
}
