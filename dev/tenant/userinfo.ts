// GET /userinfo: the profile for an access token (auth0-js client.userInfo). Called from the
// app's origin with Authorization and Auth0-Client headers, hence CORS with a preflight.
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { jwtVerify } from 'jose';
import type { TenantContext } from './context';
import { userinfoAudience } from './model/lookups';
import { profileOf } from './model/tenant-users';
import { bearerChallenge } from './shared/bearer-challenge';
import { OAuthError } from './shared/oauth-error';

function allowRegisteredOrigin(ctx: TenantContext, req: Request, res: Response): void {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin && ctx.tenant.clients.some((client) => client.webOrigins.includes(origin))) {
    res.set('Access-Control-Allow-Origin', origin);
  }
}

/** The refusals as RFC 6750 has them: 401 with a Bearer challenge, and OAuth's JSON body. */
const refusals: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (!(error instanceof OAuthError) || res.headersSent) {
    next(error);
    return;
  }
  // RFC 6750 3.1: no error attribute when the request carried no token at all.
  const attributes =
    error.error === 'invalid_token' ? { error: error.error, error_description: error.description } : undefined;
  res.status(error.status).set('WWW-Authenticate', bearerChallenge(attributes)).json(error.body);
};

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
    if (!match) throw new OAuthError(401, 'unauthorized', 'Send the access token as Authorization: Bearer <token>.');
    const sub = await subjectOf(ctx, match[1]);
    const user = sub ? ctx.users.findById(sub) : undefined;
    if (!user) {
      throw new OAuthError(401, 'invalid_token', 'The access token is invalid, expired, or not meant for /userinfo.');
    }
    res.json(profileOf(user));
  });
  router.use(refusals);

  return router;
}
