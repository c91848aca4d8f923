// The build-time constants of the client (angular-auth0 and angular-jwt: app/auth/vendor.d.ts;
// templates and styles: assets.d.ts).
import type { AuthOptions } from './app/auth/auth.options';

declare global {
  /** The auth configuration, baked in by webpack's DefinePlugin from config/load-config.ts. */
  const __AUTH_CONFIG__: AuthOptions;
  /** True when the build is for the embedded dev tenant (no AUTH0_DOMAIN). */
  const __DEV_TENANT__: boolean;
}
