// CORS for the endpoints a SPA calls with fetch (auth0-spa-js: /oauth/token and /oauth/revoke, with
// its Auth0-Client header, hence a preflight): an answer is readable by a page of one of the
// requesting client's Allowed Web Origins, and by no other page. A preflight carries no body, so no
// client: it is answered for the web origins of every client, and the request itself then decides.
import type { Request, RequestHandler } from 'express';
import type { TenantContext } from '../context';
import { findClient } from '../model/lookups';

/** The client a request names, in its body or its Authorization: Basic header, without checking anything. */
function namedClientId(req: Request): string | undefined {
  const body: unknown = req.body;
  const inBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).client_id : undefined;
  if (typeof inBody === 'string') return inBody;
  const basic = /^Basic +(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!basic) return undefined;
  const id = Buffer.from(basic[1], 'base64').toString('utf8').split(':', 1)[0];
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** OPTIONS: the preflight. */
export function tokenPreflight(ctx: TenantContext): RequestHandler {
  const origins = new Set(ctx.tenant.clients.flatMap((client) => client.webOrigins));
  return (req, res) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin !== undefined && origins.has(origin)) {
      res
        .set('Access-Control-Allow-Origin', origin)
        .set('Access-Control-Allow-Methods', 'POST')
        .set('Access-Control-Allow-Headers', 'Content-Type, Auth0-Client')
        .set('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}

/** POST, once its body is parsed: the answer (tokens or a refusal) readable by the client's own web origins. */
export function tokenCors(ctx: TenantContext): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const client = findClient(ctx.tenant, namedClientId(req));
    if (origin !== undefined && client?.webOrigins.includes(origin)) res.set('Access-Control-Allow-Origin', origin);
    next();
  };
}
