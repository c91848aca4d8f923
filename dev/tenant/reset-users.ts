// POST /dev-tenant/reset-users, behind `npm run dev-tenant:reset`: the dev tenant's own endpoint
// (Auth0 has none like it). The users go back to the tenant file's, the changes saved for them are
// deleted, and the running tenant goes on with them at once: the next login gets the file's roles.
// Only a caller that sends the X-Dev-Tenant-Reset header is served: a page in a browser would need
// a CORS preflight to send it, which gets no CORS answer, so no website can reset the users.
import { Router } from 'express';
import type { TenantContext } from './context';

export const RESET_HEADER = 'X-Dev-Tenant-Reset';

export function resetUsersRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.post('/dev-tenant/reset-users', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (req.get(RESET_HEADER) !== 'users') {
      res.status(403).json({
        error: 'access_denied',
        error_description: `Send ${RESET_HEADER}: users (npm run dev-tenant:reset does).`,
      });
      return;
    }
    try {
      await ctx.userChanges.reset();
    } catch (error) {
      res.status(500).json({
        error: 'server_error',
        error_description: `The users are the tenant file's again, but ${(error as Error).message}.`,
      });
      return;
    }
    res.json({ users: ctx.users.all().length, tenantFile: ctx.tenant.source });
  });
  return router;
}
