// The one build-time constant of the client (angular-auth0 and angular-jwt: app/auth/vendor.d.ts;
// templates and styles: assets.d.ts).
import type { AuthOptions } from './app/auth/auth.options';

declare global {
  /** The auth configuration, baked in by webpack's DefinePlugin from config/load-config.ts. */
  const __AUTH_CONFIG__: AuthOptions;
}
