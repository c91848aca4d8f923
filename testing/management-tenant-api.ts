// The Management API subset the users proxy calls (GET /api/v2/users, GET /api/v2/roles,
// GET|POST|DELETE /api/v2/users/{id}/roles), answering in Auth0's shape
// { statusCode, error, message, errorCode } for every refusal.
import { Router, type Request, type Response } from 'express';
import { ENDPOINT_SCOPES, type TenantRole, type TenantUser } from './management-tenant-data';

export interface ManagementApiState {
  users: TenantUser[];
  roles: TenantRole[];
  /** Every call as `METHOD /api/v2/...`, the path exactly as it arrived (still encoded). */
  calls: string[];
  /** 'serve'; 'hang': accept and never answer; 'bad_audience': refuse every token as the wrong tenant's. */
  behaviour: 'serve' | 'hang' | 'bad_audience';
  /** The verified token's scopes, or undefined when the tenant refuses the token. */
  verify(token: string): string[] | undefined;
}

const PHRASES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function refuse(res: Response, statusCode: number, message: string, errorCode?: string): void {
  res.status(statusCode).json({ statusCode, error: PHRASES[statusCode], message, ...(errorCode ? { errorCode } : {}) });
}

export function managementApiRoutes(state: ManagementApiState): Router {
  const router = Router();

  // Token and scope first, as Auth0 does: a refused request changes nothing.
  const allowed = (req: Request, res: Response, scopes: readonly string[]): boolean => {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) return (refuse(res, 401, 'Missing authentication'), false);
    if (state.behaviour === 'bad_audience') {
      return (refuse(res, 401, `Bad audience: ${req.protocol}://other-tenant.example.com/api/v2/`), false);
    }
    const granted = state.verify(match[1]);
    if (!granted) return (refuse(res, 401, 'Invalid token'), false);
    if (scopes.some((scope) => granted.includes(scope))) return true;
    refuse(res, 403, `Insufficient scope, expected any of: ${scopes.join(',')}`, 'insufficient_scope');
    return false;
  };
  const findUser = (req: Request, res: Response): TenantUser | undefined => {
    const user = state.users.find((u) => u.user_id === req.params.id);
    if (!user) refuse(res, 404, 'The user does not exist.', 'inexistent_user');
    return user;
  };
  const rolesOf = (user: TenantUser) => state.roles.filter((role) => user.roles.includes(role.id));

  router.use('/api/v2', (req, _res, next) => {
    state.calls.push(`${req.method} /api/v2${req.url.split('?')[0]}`);
    if (state.behaviour !== 'hang') next();
  });

  router.get('/api/v2/users', (req, res) => {
    if (!allowed(req, res, ENDPOINT_SCOPES.listUsers)) return;
    const page = Number(req.query.page ?? 0);
    const perPage = Number(req.query.per_page ?? 50);
    const sorted = [...state.users].sort((a, b) => a.email.localeCompare(b.email));
    const users = sorted.slice(page * perPage, (page + 1) * perPage).map(({ user_id, email, name }) => ({
      user_id,
      email,
      name,
    }));
    if (req.query.include_totals !== 'true') return void res.json(users);
    res.json({ start: page * perPage, limit: perPage, length: users.length, total: state.users.length, users });
  });

  router.get('/api/v2/roles', (req, res) => {
    if (allowed(req, res, ENDPOINT_SCOPES.listRoles)) res.json(state.roles);
  });

  router.get('/api/v2/users/:id/roles', (req, res) => {
    if (!allowed(req, res, ENDPOINT_SCOPES.userRoles)) return;
    const user = findUser(req, res);
    if (user) res.json(rolesOf(user));
  });

  for (const [method, scopes] of [
    ['post', ENDPOINT_SCOPES.assignRoles],
    ['delete', ENDPOINT_SCOPES.removeRoles],
  ] as const) {
    router[method]('/api/v2/users/:id/roles', (req, res) => {
      if (!allowed(req, res, scopes)) return;
      const ids = (req.body as { roles?: unknown } | undefined)?.roles;
      if (!Array.isArray(ids) || !ids.every((id) => state.roles.some((role) => role.id === id))) {
        return refuse(res, 400, 'Payload validation error: invalid roles.', 'invalid_body');
      }
      const user = findUser(req, res);
      if (!user) return;
      const wanted = ids as string[];
      user.roles =
        method === 'post' ? [...new Set([...user.roles, ...wanted])] : user.roles.filter((id) => !wanted.includes(id));
      res.status(204).end();
    });
  }

  return router;
}
