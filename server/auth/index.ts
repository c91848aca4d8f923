// The access-token check for an Express API: copy this folder and import from it, e.g.
// import { requireAccessToken, requireScope, authErrorHandler } from './auth';
export { requireAccessToken, requireScope } from './require-access-token';
export { requirePermission } from './require-permission';
export type { AccessTokenClaims, AccessTokenOptions } from './require-access-token';
export { AuthError, authErrorHandler } from './auth-errors';
export type { AuthErrorCode } from './auth-errors';
