// The users proxy's refusals and failures, in the API's error shape { error, error_description,
// code, hint }: the client's mistakes are 4xx, the tenant's refusals 502, a missing setup 503.
import type { ErrorRequestHandler } from 'express';

export type ProxyErrorCode =
  | 'invalid_user_id'
  | 'invalid_roles'
  | 'unknown_role'
  | 'invalid_page'
  | 'user_not_found'
  | 'management_api_error'
  | 'management_api_not_configured';

const ERROR_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  404: 'not_found',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

export class ProxyError extends Error {
  override name = 'ProxyError';
  /** A general category by status, as the API's other errors have (`invalid_request`, `not_found`...). */
  readonly error: string;

  constructor(
    readonly status: 400 | 404 | 502 | 503,
    readonly code: ProxyErrorCode,
    /** One sentence; never a token or a secret. */
    readonly description: string,
    readonly hint: string,
    readonly extra: { retryAfterSeconds?: number } = {},
  ) {
    super(description);
    this.error = ERROR_BY_STATUS[status];
  }
}

/** Install after the routes: answers ProxyErrors, passes anything else on. */
export const proxyErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (!(err instanceof ProxyError) || res.headersSent) return next(err);
  if (err.extra.retryAfterSeconds !== undefined) res.set('Retry-After', String(err.extra.retryAfterSeconds));
  // The answer reflects the tenant's state at that moment (a grant fixed a minute later changes it).
  res.set('Cache-Control', 'no-store');
  res.status(err.status).json({ error: err.error, error_description: err.description, code: err.code, hint: err.hint });
};
