// The one error the OAuth endpoints throw (/authorize, /login, /oauth/token, /userinfo, /v2/logout):
// its OAuth code, its HTTP status, and whether it may go back to the client. Each endpoint's router
// has one handler that decides how it is answered: JSON (the token endpoint, /userinfo), the
// client's redirect_uri or window (only with a target /authorize has checked), or the tenant's error
// page. Descriptions are Auth0's sentences, or the dev tenant's own where it explains more.
import type { ErrorRequestHandler, Response } from 'express';
import { sendErrorPage } from './html';
import type { ResponseTarget } from './response-target';

export type OAuthStatus = 400 | 401 | 403;

export class OAuthError extends Error {
  override name = 'OAuthError';

  constructor(
    readonly status: OAuthStatus,
    /** The OAuth error code: invalid_request, access_denied, invalid_grant, unauthorized_client... */
    readonly error: string,
    readonly description: string,
    readonly options: {
      /** error_uri, where Auth0 sends one. */
      uri?: string;
      /** Set: the client may be told at its checked redirect_uri. Unset: never redirected. */
      target?: ResponseTarget;
    } = {},
  ) {
    super(`${error}: ${description}`);
  }

  /** RFC 6749 5.2's JSON body. */
  get body(): Record<string, string> {
    const { uri } = this.options;
    return { error: this.error, error_description: this.description, ...(uri ? { error_uri: uri } : {}) };
  }

  /** The same error, allowed to go back to the client at `target`. */
  to(target: ResponseTarget): OAuthError {
    return new OAuthError(this.status, this.error, this.description, { ...this.options, target });
  }
}

/** Sends an error back to the client at a checked target (/authorize's response modes). */
export type SendToClient = (res: Response, target: ResponseTarget, fields: Record<string, string>) => void;

/**
 * A router's one error handler. An OAuthError with a target goes to the client through `toClient`;
 * any other is answered as `answer` says: the error page (for a person in a browser) or OAuth's JSON
 * (for a client's code). Anything that is not an OAuthError goes on to the app's last handler.
 */
export function oauthErrorHandler(answer: 'page' | 'json', toClient?: SendToClient): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (!(error instanceof OAuthError) || res.headersSent) {
      next(error);
      return;
    }
    const { target } = error.options;
    if (target && toClient) toClient(res, target, { error: error.error, error_description: error.description });
    else if (answer === 'json') res.status(error.status).json(error.body);
    else sendErrorPage(res, error.status, error.error, error.description);
  };
}
