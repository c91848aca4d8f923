import { describeResponse } from './api-result';

describe('describeResponse', () => {
  const api = 'http://localhost:3901';

  it('shows the message of a success', () => {
    expect(describeResponse({ status: 200, statusText: 'OK', data: { message: 'Hello' } }, api)).toEqual({
      ok: true,
      status: '200 OK',
      message: 'Hello',
    });
  });

  it('keeps an answer that is data as data (shown as formatted JSON), not a JSON string', () => {
    const users = [{ id: 'auth0|a', email: 'a@example.com', roles: ['admin'] }];
    expect(describeResponse({ status: 200, data: users }, api)).toEqual({ ok: true, status: '200 OK', data: users });
  });

  it('reads the scope a 403 needs from WWW-Authenticate', () => {
    const headers = (name: string) =>
      name === 'WWW-Authenticate' ? 'Bearer realm="api", error="insufficient_scope", scope="write:messages"' : null;
    expect(describeResponse({ status: 403, data: { code: 'insufficient_scope' }, headers }, api).requiredScope).toBe(
      'write:messages',
    );
  });

  it("shows the API's code, description and hint for an error", () => {
    const data = {
      error: 'insufficient_scope',
      error_description: 'The token lacks read:messages.',
      code: 'insufficient_scope',
      hint: 'Grant read:messages to the user.',
    };
    expect(describeResponse({ status: 403, statusText: '', data }, api)).toEqual({
      ok: false,
      status: '403 Forbidden',
      code: 'insufficient_scope',
      description: 'The token lacks read:messages.',
      hint: 'Grant read:messages to the user.',
    });
  });

  it("adds the app's note to the users routes' own failures", () => {
    const data = { error: 'server_error', code: 'management_api_not_configured', hint: 'Set AUTH0_M2M_*.' };
    const result = describeResponse({ status: 503, data }, api);
    expect(result.status).toBe('503 Service Unavailable');
    expect(result.hint).toBe('Set AUTH0_M2M_*.');
    expect(result.note).toContain("need the API's own Management API client");
    expect(describeResponse({ status: 502, data: { code: 'management_api_error' } }, api).note).toContain(
      "the fix is on the API's side",
    );
  });

  it('falls back to WWW-Authenticate when there is no JSON body', () => {
    const result = describeResponse(
      { status: 401, data: '', headers: (name) => (name === 'WWW-Authenticate' ? 'Bearer realm="api"' : null) },
      api,
    );
    expect(result).toEqual(
      jasmine.objectContaining({
        ok: false,
        status: '401 Unauthorized',
        code: 'http_error',
        description: 'Bearer realm="api"',
      }),
    );
  });

  it('explains a request that got no answer (API down or CORS)', () => {
    const result = describeResponse({ status: -1, data: null }, api);
    expect(result.code).toBe('network_error');
    expect(result.description).toContain(api);
  });
});
