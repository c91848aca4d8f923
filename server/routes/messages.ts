// The sample's four routes: one open, three behind the access-token check.
import { Router, type RequestHandler } from 'express';
import { requireScope } from '../auth';

export function createMessageRoutes(checkAccessToken: RequestHandler): Router {
  const router = Router();

  router.get('/public', (_req, res) => {
    res.json({ message: "Hello from a public endpoint! You don't need to be authenticated to see this." });
  });

  router.get('/private', checkAccessToken, (_req, res) => {
    res.json({ message: 'Hello from a private endpoint! You need to be authenticated to see this.' });
  });

  router.get('/private-scoped', checkAccessToken, requireScope('read:messages'), (_req, res) => {
    res.json({
      message:
        'Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.',
    });
  });

  router.post('/admin', checkAccessToken, requireScope('write:messages'), (_req, res) => {
    res.json({ message: 'Hello from the admin endpoint! Your token has the write:messages scope.' });
  });

  return router;
}
