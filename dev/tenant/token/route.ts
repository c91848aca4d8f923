// POST /oauth/token: the token endpoint, for the grants in grants/ (client credentials: a backend's
// own token for an API or for the Management API; the code flow's code and refresh token). The body
// is a form or JSON, at most 10 KB; anything else gets a JSON refusal in OAuth's shape, never an HTML
// page or a 500. Answers are never cached, and nothing of a request (its secret above all) is logged.
// Browsers may read the answers from the client's web origins only (token-cors.ts).
import express, { Router, type ErrorRequestHandler } from 'express';
import type { TenantContext } from '../context';
import { OAuthError, oauthErrorHandler } from '../shared/oauth-error';
import { tokenErrors } from './errors';
import { exchangeToken } from './exchange';
import { GRANT_PARAMETERS } from './grants';
import { readTokenRequest } from './request';
import { tokenCors, tokenPreflight } from './token-cors';

const BODY_LIMIT = '10kb';

/** A form or JSON body, as Auth0 accepts both, at most BODY_LIMIT. */
export const readBody = [
  express.json({ limit: BODY_LIMIT }),
  express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20 }),
];

/** body-parser's refusals (too large, bad JSON, unknown charset) as the token endpoint's own. */
export const unreadableBody: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: unknown }).type;
  const status = (error as { status?: unknown }).status;
  if (error instanceof OAuthError || typeof status !== 'number' || status >= 500) {
    next(error);
    return;
  }
  res.set('Cache-Control', 'no-store');
  next(
    tokenErrors.unreadableBody(
      type === 'entity.too.large'
        ? `The request body is larger than the dev tenant accepts (${BODY_LIMIT}).`
        : type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request body cannot be read (send UTF-8 JSON or a form).',
    ),
  );
};

export function tokenRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.options('/oauth/token', tokenPreflight(ctx));
  router.post('/oauth/token', ...readBody, tokenCors(ctx), async (req, res) => {
    res.set('Cache-Control', 'no-store').set('Pragma', 'no-cache');
    res.json(await exchangeToken(ctx, readTokenRequest(req, GRANT_PARAMETERS)));
  });
  router.use(unreadableBody, oauthErrorHandler('json'));
  return router;
}
