// The API's last answers: JSON 404 for unknown routes, and a 500 that reveals nothing.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({
    error: 'not_found',
    error_description: `No route ${req.method} ${req.path}.`,
    code: 'not_found',
    hint: 'The API serves GET /api/public, GET /api/private, GET /api/private-scoped and POST /api/admin.',
  });
};

// Anything that reaches this handler is a bug or a malformed request body, not a token problem.
export const unexpectedError: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (status >= 400 && status < 500 && err.expose) {
    // body-parser's errors (bad JSON, body too large) are the client's and safe to describe.
    res.status(status).json({
      error: 'invalid_request',
      error_description: String(err.message),
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

// A stack or message can quote request data; never let a JWT reach the log.
function redactTokens(text: string): string {
  return text.replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[token]');
}
