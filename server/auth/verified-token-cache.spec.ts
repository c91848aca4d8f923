// The cache of verified tokens alone, without HTTP or keys: the full check is a stand-in that
// accepts every token and sets req.auth as express-jwt does (the token's payload, parsed).
import type { Request, RequestHandler, Response } from 'express';
import { nestedArrays } from '../../testing/test-keys';
import { rememberVerifiedTokens } from './verified-token-cache';

const part = (json: string) => Buffer.from(json).toString('base64url');
const EXP = 2_000_000_000;

describe('rememberVerifiedTokens', () => {
  let fullChecks: number;
  const acceptEverything: RequestHandler = (req, _res, next) => {
    fullChecks += 1;
    const token = (req.headers.authorization ?? '').slice('Bearer '.length);
    req.auth = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Request['auth'];
    next();
  };
  const keySet = new Map();
  const cached = () =>
    rememberVerifiedTokens(acceptEverything, {
      keys: { current: () => keySet, refreshIfStale: () => undefined },
      now: () => (EXP - 60) * 1000,
      clockToleranceS: 5,
    });

  function run(check: RequestHandler, token: string): Request['auth'] {
    const req = { headers: { authorization: `Bearer ${token}` }, url: '/api/private' } as Request;
    let result: { error?: unknown } | undefined;
    void check(req, {} as Response, (error?: unknown) => (result = { error }));
    if (!result) throw new Error('next() was not called');
    expect(result.error).toBeUndefined();
    return req.auth;
  }

  beforeEach(() => (fullChecks = 0));

  it('checks a token in full once, then hands out its claims from memory, a fresh copy each time', () => {
    const check = cached();
    const token = `${part('{"alg":"RS256"}')}.${part(`{"iss":"i","sub":"a","aud":["x","y"],"exp":${EXP}}`)}.c2ln`;
    const first = run(check, token)!;
    const second = run(check, token)!;
    expect(fullChecks).toBe(1);
    expect(second).toEqual({ iss: 'i', sub: 'a', aud: ['x', 'y'], exp: EXP });
    expect(second).not.toBe(first);
    expect(second.aud).not.toBe(first.aud);
  });

  it('copies claims nested deeper than a recursive copy survives, without recursing', () => {
    // The check it wraps may accept what the cache cannot walk: the cache must not depend on it.
    const check = cached();
    const payload = `{"sub":"a","exp":${EXP},"deep":${nestedArrays(2_400)}}`;
    const token = `${part('{"alg":"RS256"}')}.${part(payload)}.c2ln`;
    for (let i = 0; i < 3; i++)
      expect(Array.isArray(run(check, token)!.deep))
        .withContext(`request ${i + 1}`)
        .toBeTrue();
    expect(fullChecks).toBe(1);
  });
});
