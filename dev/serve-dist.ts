// `npm run serve-dist [-- <folder>]`: serves a production build (default dist/) on the app's port,
// as a static host should: app routes fall back to index.html, a missing file is a 404 (never
// index.html in its place), content-hashed files are cached for good and index.html is always
// revalidated, and every answer carries the app's security headers.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import express from 'express';
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { headerPolicy, securityHeaders } from '../client/security-headers';

/** webpack's `[name].[contenthash:8].ext`: the content decides the name, so it never changes. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/** The policy the build baked into index.html (webpack.config.js), or undefined. */
export function bakedPolicy(indexHtml: string): string | undefined {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
  return meta?.[1];
}

/** An app route such as `/profile` or `/callback`: no file extension in its last segment. */
function isAppRoute(path: string): boolean {
  return !basename(path).includes('.');
}

export function createDistServer(folder: string): express.Express {
  const indexFile = join(folder, 'index.html');
  const policy = existsSync(indexFile) ? bakedPolicy(readFileSync(indexFile, 'utf8')) : undefined;
  if (!policy) {
    throw new Error(`${indexFile} is not a production build of this app: run npm run build first.`);
  }
  // The same sources as the meta, plus frame-ancestors, which only a header can carry.
  const headers = securityHeaders(headerPolicy(policy));

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set(headers);
    next();
  });
  app.use(
    express.static(folder, {
      index: false, // `/` is an app route: served below, with its cache policy
      redirect: false,
      setHeaders: (res, path) =>
        res.set('Cache-Control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isAppRoute(req.path)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  // A file that is not there (an old /main.1234abcd.js after a deploy): a 404, not index.html,
  // which a browser would refuse to run as a script (nosniff) after a misleading 200.
  app.use((_req, res) => {
    res.status(404).set('Cache-Control', 'no-cache').type('text/plain').send('Not found.\n');
  });
  return app;
}

function main(): void {
  loadDotEnv();
  const { appPort, appOrigin } = loadConfigOrExit();
  const folder = resolve(process.argv[2] ?? resolve(__dirname, '..', 'dist'));
  let app: express.Express;
  try {
    app = createDistServer(folder);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  // Loopback only, like the API and the dev tenant: this is a local preview of the build.
  const server = app.listen(appPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
    if (error) {
      console.error(
        error.code === 'EADDRINUSE'
          ? `APP_PORT ${appPort} is already in use (npm start?): stop it or set APP_PORT to a free port.`
          : `Cannot listen on 127.0.0.1:${appPort}: ${error.message}`,
      );
      process.exit(1);
    }
    console.log(`Serving ${folder} on ${appOrigin}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) main();
