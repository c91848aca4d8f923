// `npm run dev-stack -- --app-origin <origin> [--callback <path>]`: the dev tenant and the API for an
// app served elsewhere (your own app on a static server or another dev server), nothing on APP_PORT.
// The origin is registered with the tenant (callbacks, logout URLs, web origin) and the API (CORS) in
// memory, without writing any file, and the banner prints the authProvider.configure({...}) to paste.
import { ConfigError } from '../config/env-values';
import { loadDotEnv } from '../config/load-config';
import { parseDevStackArgs } from './dev-stack/arguments';
import { APP_ELSEWHERE_ENV } from './tenant/tenant-file/app-elsewhere';

loadDotEnv();
try {
  const { origin, callback } = parseDevStackArgs(process.argv.slice(2));
  if (process.env.AUTH0_DOMAIN?.trim()) {
    throw new ConfigError(
      `AUTH0_DOMAIN is set (${process.env.AUTH0_DOMAIN.trim()}): dev-stack runs the dev tenant. For your tenant, add ${origin} to the SPA's Allowed Callback URLs, Logout URLs and Web Origins, and to CORS_ORIGINS, then run npm run api.`,
    );
  }
  process.env[APP_ELSEWHERE_ENV.origin] = origin;
  if (callback) process.env[APP_ELSEWHERE_ENV.callback] = callback;
  const cors = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  process.env.CORS_ORIGINS = [...new Set([...cors, origin])].join(',');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`dev-stack: ${error.message}`);
  process.exit(1);
}
// npm start's process management, with the tenant and the API only (dev/start.ts reads the variables above).
void import('./start');
