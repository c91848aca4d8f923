// The dev tenant's subset of Auth0's Management API, at <issuer>api/v2/: users, their metadata,
// roles and role assignments. Every answer, success or refusal, has Auth0's shape; an unknown path
// is a 404 in that shape too, a body is JSON of at most 64 KB, and nothing a request sends can
// produce an HTML page, a stack trace or a 500 with details.
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { TenantContext } from '../context';
import { managementCors } from './management-cors';
import { ManagementError, managementErrors, sendManagementError } from './management-errors';
import { rolesRoutes } from './roles-routes';
import { usersRoutes } from './users-routes';

const BODY_LIMIT_BYTES = 64 * 1024;

const parseJson = express.json({ limit: BODY_LIMIT_BYTES, strict: false, type: () => true });

/**
 * JSON bodies, read after the token is checked (as Auth0 does: a request without a valid token is
 * refused whatever its body). No Content-Type counts as JSON; another type is refused (415).
 */
const jsonBody: RequestHandler = (req, res, next) => {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    next(managementErrors.unsupportedMediaType());
    return;
  }
  parseJson(req, res, next);
};

/** body-parser's and the routes' errors as Auth0's; anything unexpected is a bare 500, logged in one line. */
const handleError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof ManagementError) {
    sendManagementError(res, error);
    return;
  }
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') {
    sendManagementError(res, managementErrors.tooLarge(BODY_LIMIT_BYTES));
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    sendManagementError(res, managementErrors.invalidJson());
    return;
  }
  console.error(`dev tenant: Management API: ${error instanceof Error ? error.message : String(error)}`);
  sendManagementError(res, managementErrors.internal());
};

export function managementApiRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.use(managementCors(ctx));
  router.use(usersRoutes(ctx, jsonBody));
  router.use(rolesRoutes(ctx, jsonBody));
  router.use((_req, _res, next) => next(managementErrors.notFound()));
  router.use(handleError);
  return router;
}
