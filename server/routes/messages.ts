// The sample's four routes: one open, three behind the access-token check.
import { Router, type RequestHandler } from 'express';
import { requireScope } from '../auth';

/** The scopes these routes check. */
export const MESSAGE_SCOPES = { read: 'read:messages', write: 'write:messages' } as const;

export function createMessageRoutes(checkAccessToken: RequestHandler): Router {
  const router = Router();

  router.get('/public', (_req, res) => {
    res.json({ message: "Hello from a public endpoint! You don't need to be authenticated to see this." });
  });

  router.get('/private', checkAccessToken, (_req, res) => {
    res.json({ message: 'Hello from a private endpoint! You need to be authenticated to see this.' });
  });

  router.get('/private-scoped', checkAccessToken, requireScope(MESSAGE_SCOPES.read), (_req, res) => {
    res.json({
      message:
        'Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.',
    });
  });

  router.post('/admin', checkAccessToken, requireScope(MESSAGE_SCOPES.write), (_req, res) => {
    res.json({ message: 'Hello from the admin endpoint! Your token has the write:messages scope.' });
  });

  return router;
}
