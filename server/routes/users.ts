// The users admin routes: the backend proxy Auth0 recommends for anything beyond a user's own
// metadata. The browser sends its own access token (scope manage:users); the API reaches the
// Management API with its own client-credentials token, so no browser ever holds a token that can
// change roles.
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { requireScope } from '../auth';
import { ProxyError } from '../management/proxy-error';
import { MAX_USERS_PAGE, type UsersDirectory } from '../management/users-directory';

export const USERS_SCOPE = 'manage:users';
const MAX_ROLES_PER_CHANGE = 10;
// Auth0 user ids are `<provider>|<id>`: auth0|64f0..., google-oauth2|1122..., samlp|corp|jane@example.com.
const USER_ID = /^[A-Za-z0-9_-]{1,64}\|[\x21-\x7E]{1,256}$/;
// Printable, no leading or trailing space.
const USER_ID_HINT = 'Take the id from GET /api/users, and percent-encode it in the path (| is %7C).';
const ROLE_NAME = /^[\x21-\x7E]([\x20-\x7E]{0,98}[\x21-\x7E])?$/;

/** `users` is undefined when the API has no machine-to-machine client: the routes then answer 503. */
export function createUserRoutes(checkAccessToken: RequestHandler, users: UsersDirectory | undefined): Router {
  const router = Router();
  const guard = [checkAccessToken, requireScope(USERS_SCOPE)];
  const directory = (): UsersDirectory => {
    if (users) return users;
    throw new ProxyError(
      503,
      'management_api_not_configured',
      'The API has no Management API client, so it cannot read or change users.',
      'Set AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET for the API (a Machine to Machine application authorised for the Auth0 Management API: see docs/own-tenant.md), then restart it.',
    );
  };

  router.get('/users', ...guard, async (req, res) => {
    const source = directory();
    const { users: page, total } = await source.list(readPage(req.query.page));
    if (total !== undefined) res.set('X-Total-Count', String(total));
    res.json(page);
  });

  for (const [method, change] of [
    ['post', 'add'],
    ['delete', 'remove'],
  ] as const) {
    router[method]('/users/:id/roles', ...guard, async (req, res) => {
      const source = directory();
      const id = readUserId(req.params.id);
      res.json(await source.changeRoles(id, change, readRoleNames(req.body)));
    });
  }

  // The router decodes :id before any handler runs; a malformed %-sequence is the client's mistake.
  router.use(((error, _req, _res, next) => {
    next(
      error instanceof URIError
        ? invalid('invalid_user_id', 'The user id in the path is not valid percent-encoding.', USER_ID_HINT)
        : error,
    );
  }) as ErrorRequestHandler);

  return router;
}

function invalid(code: 'invalid_user_id' | 'invalid_roles' | 'invalid_page', description: string, hint: string) {
  return new ProxyError(400, code, description, hint);
}

function readPage(raw: unknown): number {
  if (raw === undefined) return 0;
  const page = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (page <= MAX_USERS_PAGE) return page;
  throw invalid(
    'invalid_page',
    `page must be a whole number from 0 to ${MAX_USERS_PAGE}.`,
    "Auth0's user list stops at 1000 users: search with the Management API's q parameter, or export the users, beyond that.",
  );
}

function readUserId(raw: unknown): string {
  if (typeof raw === 'string' && USER_ID.test(raw)) return raw;
  throw invalid(
    'invalid_user_id',
    'The user id is not an Auth0 user id (provider|id, printable ASCII, at most 321 characters).',
    USER_ID_HINT,
  );
}

function readRoleNames(body: unknown): string[] {
  const hint = `Send Content-Type: application/json and { "roles": ["role name", ...] }, 1 to ${MAX_ROLES_PER_CHANGE} role names.`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('invalid_roles', 'The request has no JSON object body.', hint);
  }
  const extra = Object.keys(body).filter((key) => key !== 'roles');
  if (extra.length) throw invalid('invalid_roles', `Unexpected field ${JSON.stringify(extra[0])} in the body.`, hint);
  const { roles } = body as { roles?: unknown };
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > MAX_ROLES_PER_CHANGE) {
    throw invalid('invalid_roles', `"roles" must be a list of 1 to ${MAX_ROLES_PER_CHANGE} role names.`, hint);
  }
  if (!roles.every((name): name is string => typeof name === 'string' && ROLE_NAME.test(name))) {
    throw invalid('invalid_roles', 'Every role name must be printable text of 1 to 100 characters.', hint);
  }
  return [...new Set(roles)];
}
