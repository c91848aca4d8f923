// GET /userinfo: the profile for an access token (auth0-js client.userInfo). Called from the
// app's origin with Authorization and Auth0-Client headers, hence CORS with a preflight.
import { Router, type Request, type Response } from 'express';
import { jwtVerify } from 'jose';
import { userinfoAudience } from './model/lookups';
import { profileOf } from './model/tenant-users';
import type { TenantContext } from './context';

function allowRegisteredOrigin(ctx: TenantContext, req: Request, res: Response): void {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin && ctx.tenant.clients.some((client) => client.webOrigins.includes(origin))) {
    res.set('Access-Control-Allow-Origin', origin);
  }
}

// RFC 6750 3 allows only %x20-21 / %x23-5B / %x5D-7E inside a quoted value: a quote, a backslash
// or a line break would end the value early or make Node refuse the header.
function quoted(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?')}"`;
}

/** The `WWW-Authenticate` value for a refused token, safe whatever the description holds. */
export function bearerChallenge(error: string, description: string): string {
  return `Bearer error=${quoted(error)}, error_description=${quoted(description)}`;
}

function unauthorized(res: Response, description: string, tokenSent: boolean): void {
  // RFC 6750 3.1: no error code when the request carried no token at all.
  res
    .status(401)
    .set('WWW-Authenticate', tokenSent ? bearerChallenge('invalid_token', description) : 'Bearer')
    .json({ error: tokenSent ? 'invalid_token' : 'unauthorized', error_description: description });
}

async function subjectOf(ctx: TenantContext, token: string): Promise<string | undefined> {
  const opaque = ctx.opaqueTokens.get(token);
  if (opaque) return opaque.sub;
  try {
    const { payload } = await jwtVerify(token, ctx.key.publicKey, {
      algorithms: ['RS256'],
      issuer: ctx.tenant.issuer,
      audience: userinfoAudience(ctx.tenant),
    });
    return payload.sub;
  } catch {
    return undefined;
  }
}

export function userinfoRoutes(ctx: TenantContext): Router {
  const router = Router();

  router.options('/userinfo', (req, res) => {
    allowRegisteredOrigin(ctx, req, res);
    res
      .set('Access-Control-Allow-Methods', 'GET')
      .set('Access-Control-Allow-Headers', 'Authorization, Auth0-Client, Content-Type, X-Request-Language')
      .set('Access-Control-Max-Age', '600')
      .status(204)
      .end();
  });

  router.get('/userinfo', async (req, res) => {
    allowRegisteredOrigin(ctx, req, res);
    res.set('Cache-Control', 'no-store');
    const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      unauthorized(res, 'Send the access token as Authorization: Bearer <token>.', false);
      return;
    }
    const sub = await subjectOf(ctx, match[1]);
    const user = sub ? ctx.users.findById(sub) : undefined;
    if (!user) {
      unauthorized(res, 'The access token is invalid, expired, or not meant for /userinfo.', true);
      return;
    }
    res.json(profileOf(user));
  });

  return router;
}
