// A plain static file server, as an existing app's may be: files as they are, and 404 for anything
// else. No history fallback: /callback or /messages answer 404, so the app must keep its routes in
// the fragment (hashbang) and its redirect URI on its own page.
import express from 'express';
import type { Server } from 'node:http';

export function serveStatic(folder: string, port: number): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.static(folder, { redirect: false }));
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  return new Promise((ready, fail) => {
    const server = app.listen(port, '127.0.0.1', (error?: Error) => (error ? fail(error) : ready(server)));
  });
}
