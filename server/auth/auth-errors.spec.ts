// The answers' building blocks, without HTTP: statuses per code, and how token values are quoted
// in descriptions (they come from the token: short, printable, and never a reason to crash).
import { AuthError, show } from './auth-errors';

const deep = (depth: number): unknown => {
  let value: unknown = 'core';
  for (let i = 0; i < depth; i++) value = i % 2 ? { nested: value } : [value];
  return value;
};

describe('AuthError', () => {
  it('gives each code its RFC 6750 status and error', () => {
    const statusOf = (code: ConstructorParameters<typeof AuthError>[0]) => {
      const { status, error } = new AuthError(code, 'd', 'h');
      return `${status} ${error}`;
    };
    expect(statusOf('missing_token')).toBe('401 unauthorized');
    expect(statusOf('malformed_header')).toBe('401 invalid_token');
    expect(statusOf('typ_not_allowed')).toBe('401 invalid_token');
    expect(statusOf('token_too_large')).toBe('401 invalid_token');
    expect(statusOf('duplicate_header')).toBe('400 invalid_request');
    expect(statusOf('token_in_query')).toBe('400 invalid_request');
    expect(statusOf('insufficient_scope')).toBe('403 insufficient_scope');
    expect(statusOf('jwks_unavailable')).toBe('503 temporarily_unavailable');
  });
});

describe('show', () => {
  it('quotes strings and lists as JSON does', () => {
    expect(show('https://other/')).toBe('"https://other/"');
    expect(show(['https://other-api', 'https://t/userinfo'])).toBe('["https://other-api","https://t/userinfo"]');
    expect(show(42)).toBe('42');
    expect(show(null)).toBe('null');
    expect(show(undefined)).toBe('none');
  });

  it('keeps it short and printable', () => {
    const long = show(`x\r\n\u0000${'y'.repeat(10_000)}`);
    expect(long).toMatch(/^"x\\r\\n\\u0000y+\.\.\.$/); // escaped as JSON, control characters never raw
    expect(long.length).toBeLessThan(130);
    expect(show('caf\u00e9 \u{1F600}')).toBe('"caf? ??"');
    expect(show(Array.from({ length: 10_000 }, (_, i) => i)).length).toBeLessThan(130);
  });

  it('names nested values by their kind instead of walking into them, however deep', () => {
    expect(show({ a: 1 })).toBe('{...}');
    expect(show([['x'], { a: 1 }, 'y'])).toBe('[[...],{...},"y"]');
    for (const depth of [10, 100_000])
      expect(show(deep(depth)).length)
        .withContext(`${depth}`)
        .toBeLessThan(20);
  });
});
