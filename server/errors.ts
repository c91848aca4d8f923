// The API's last answers: JSON 404 for unknown routes, and a 500 that reveals nothing.
import type { ErrorRequestHandler, RequestHandler, Router } from 'express';
import { redactTokens } from './management/redact-tokens';

/** Answers 404, naming the routes the API does serve (as `GET /api/public`). */
export function notFound(routes: string[]): RequestHandler {
  const served = `${routes.slice(0, -1).join(', ')} and ${routes.at(-1)}`;
  return (req, res) => {
    res.status(404).json({
      error: 'not_found',
      error_description: `No route ${req.method} ${req.path}.`,
      code: 'not_found',
      hint: `The API serves ${served}.`,
    });
  };
}

/** The routes of a router mounted at `prefix`, as `METHOD path`, read from the router itself. */
export function routesOf(router: Router, prefix: string): string[] {
  return router.stack.flatMap(({ route }) =>
    route
      ? [...new Set(route.stack.map((layer) => layer.method.toUpperCase()))].map((m) => `${m} ${prefix}${route.path}`)
      : [],
  );
}

// Anything that reaches this handler is a bug or a malformed request body, not a token problem.
export const unexpectedError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  if (isClientError(err)) {
    // body-parser's errors (bad JSON, body too large) are the client's and safe to describe.
    res.status(err.status).json({
      error: 'invalid_request',
      error_description: err.message,
      code: 'bad_request',
      hint: 'Fix the request body.',
    });
    return;
  }
  console.error(`API error: ${redactTokens(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
  res.status(500).json({
    error: 'server_error',
    error_description: 'The API failed unexpectedly.',
    code: 'internal_error',
    hint: "See the API's console output.",
  });
};

/** An http-errors style 4xx (what body-parser throws) whose message is meant for the client. */
function isClientError(err: unknown): err is Error & { status: number; expose: true } {
  if (!(err instanceof Error)) return false;
  const { status, expose } = err as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
