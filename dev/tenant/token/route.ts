// POST /oauth/token: the token endpoint, for the client credentials grant (a backend's own token
// for an API or for the Management API). The body is a form or JSON, at most 10 KB; anything else
// gets a JSON refusal in OAuth's shape, never an HTML page or a 500. Answers are never cached, and
// nothing of a request (its secret above all) is logged.
import express, { Router, type ErrorRequestHandler } from 'express';
import { exchangeToken } from './grants/client-credentials';
import { TokenError, tokenErrors } from './errors';
import { readTokenRequest } from './request';
import type { TenantContext } from '../context';

const BODY_LIMIT = '10kb';

/** body-parser's refusals (too large, bad JSON, unknown charset) as the token endpoint's own. */
const unreadableBody: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: unknown }).type;
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number' || status >= 500) {
    next(error);
    return;
  }
  const refusal = tokenErrors.unreadableBody(
    type === 'entity.too.large'
      ? `The request body is larger than the dev tenant accepts (${BODY_LIMIT}).`
      : type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : 'The request body cannot be read (send UTF-8 JSON or a form).',
  );
  res.status(refusal.status).set('Cache-Control', 'no-store').json(refusal.body);
};

export function tokenRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.post(
    '/oauth/token',
    express.json({ limit: BODY_LIMIT }),
    express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20 }),
    async (req, res) => {
      res.set('Cache-Control', 'no-store').set('Pragma', 'no-cache');
      const request = readTokenRequest(req);
      const outcome = request instanceof TokenError ? request : await exchangeToken(ctx, request);
      if (outcome instanceof TokenError) {
        res.status(outcome.status).json(outcome.body);
        return;
      }
      res.json(outcome);
    },
  );
  router.use(unreadableBody);
  return router;
}
