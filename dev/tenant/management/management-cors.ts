// CORS for the Management API, so an app can call it from the browser with a user's token (its
// own profile's metadata): the registered web origins of the tenant's applications may call it,
// with the Authorization and Content-Type headers auth0-js sends (and its Auth0-Client), PATCH
// included. Any other origin gets no CORS header at all, so the browser keeps the answer from it.
import type { RequestHandler } from 'express';
import type { TenantContext } from '../context';

export function managementCors(ctx: TenantContext): RequestHandler {
  const origins = new Set(ctx.tenant.clients.flatMap((client) => client.webOrigins));
  return (req, res, next) => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && origins.has(origin);
    res.vary('Origin');
    if (allowed) res.set('Access-Control-Allow-Origin', origin);
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    // A preflight is answered here, before any token check: the browser sends none with it.
    if (allowed) {
      res
        .set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE')
        .set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Auth0-Client')
        .set('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
