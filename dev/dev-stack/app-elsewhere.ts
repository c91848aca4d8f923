// What `npm start` does differently under `npm run dev-stack`: no app of its own on APP_PORT, and a
// banner that says where the app is and what to paste into it.
import type { AppConfig } from '../../config/load-config';
import { APP_ELSEWHERE_ENV } from '../tenant/tenant-file/app-elsewhere';
import { configureBlock } from './configure-block';

export interface AppElsewhere {
  /** The banner's App line. */
  summary: string;
  /** Lines after the users: the block to paste into the app. */
  banner: string[];
}

export function appElsewhere(env: NodeJS.ProcessEnv, config: AppConfig): AppElsewhere | undefined {
  const origin = env[APP_ELSEWHERE_ENV.origin];
  if (!origin) return undefined;
  const callback = env[APP_ELSEWHERE_ENV.callback];
  const redirectUri = `${origin}${callback || '/'}`;
  return {
    summary: `${origin}  (yours, not started here; registered with the tenant and the API's CORS)`,
    banner: [
      `  Paste into your app's config block (a hashbang app's redirectUri is its page; an html5Mode app's may be ${origin}/callback):`,
      ...configureBlock(config, redirectUri, 4),
    ],
  };
}
