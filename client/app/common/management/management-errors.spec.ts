import { explainManagementError } from './management-errors';

describe('explainManagementError (the Management API refusals, explained)', () => {
  const api = 'https://tenant.example/api/v2/';
  const app = 'http://localhost:3000';
  const refusal = (statusCode: number, error: string, message: string, errorCode?: string) =>
    explainManagementError({ status: statusCode, data: { statusCode, error, message, errorCode } }, api, app);

  it('401 Invalid token: the id_token (or a token of another tenant) was sent', () => {
    const failure = refusal(401, 'Unauthorized', 'Invalid token');
    expect(failure).toEqual(jasmine.objectContaining({ status: '401 Unauthorized', description: 'Invalid token' }));
    expect(failure.hint).toContain('the id_token was sent');
    expect(failure.hint).toContain(`audience ${api}`);
  });

  it('400 Bad HTTP authentication header format: an opaque token, no audience requested', () => {
    const failure = refusal(400, 'Bad Request', 'Bad HTTP authentication header format', 'Bearer');
    expect(failure.code).toBe('Bearer');
    expect(failure.hint).toMatch(/^An opaque access token: it was requested without an audience/);
    expect(failure.hint).toContain(`Request it with audience ${api}`);
  });

  it('403 Insufficient scope: dropped or not requested; users hold the current_user scopes only; a backend for the rest', () => {
    const failure = refusal(
      403,
      'Forbidden',
      'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
      'insufficient_scope',
    );
    expect(failure).toEqual(jasmine.objectContaining({ status: '403 Forbidden', code: 'insufficient_scope' }));
    expect(failure.description).toContain('expected any of: update:users');
    expect(failure.hint).toContain('dropped it silently');
    expect(failure.hint).toContain('only the current_user scopes');
    expect(failure.hint).toContain('update:current_user_metadata');
    expect(failure.hint).toContain('its own client-credentials token');
  });

  it("403 unowned_resource: a current_user scope on someone else's id", () => {
    const failure = refusal(
      403,
      'Forbidden',
      'User to be acted on does not match subject in bearer token.',
      'unowned_resource',
    );
    expect(failure.hint).toContain("the token's sub");
  });

  it('401 Bad audience, Expired token, Missing authentication', () => {
    expect(refusal(401, 'Unauthorized', 'Bad audience: https://quickstarts/api').hint).toContain(`audience ${api}`);
    expect(refusal(401, 'Unauthorized', 'Expired token received for JSON Web Token validation').hint).toContain(
      'expired',
    );
    expect(refusal(401, 'Unauthorized', 'Missing authentication').hint).toContain('Authorization: Bearer');
  });

  it('404: the user id (percent-encoded sub)', () => {
    const failure = refusal(404, 'Not Found', 'The user does not exist.', 'inexistent_user');
    expect(failure.code).toBe('inexistent_user');
    expect(failure.hint).toContain('%7C');
  });

  it('another refusal: Auth0 words, no hint invented', () => {
    expect(refusal(429, 'Too Many Requests', 'Global limit has been reached')).toEqual({
      ok: false,
      status: '429 Too Many Requests',
      description: 'Global limit has been reached',
      code: undefined,
      hint: '',
    });
  });

  it('no readable answer: the network, or this origin not allowed (CORS)', () => {
    const failure = explainManagementError({ status: -1, data: null }, api, app);
    expect(failure.status).toBe('no answer');
    expect(failure.hint).toContain(`add ${app} to the application's Allowed Web Origins`);
  });
});
