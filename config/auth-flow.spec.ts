// AUTH_FLOW and AUTH_CACHE: the flow a build logs in with, and the code flow's token cache.
import { ConfigError, loadConfig } from './load-config';

describe('AUTH_FLOW and AUTH_CACHE', () => {
  it('default to the implicit flow, the code flow keeping its tokens in memory', () => {
    expect(loadConfig({})).toEqual(jasmine.objectContaining({ authFlow: 'implicit', authCache: 'memory' }));
    expect(loadConfig({ AUTH_FLOW: 'code' })).toEqual(
      jasmine.objectContaining({ authFlow: 'code', authCache: 'memory' }),
    );
    const stored = loadConfig({ AUTH_FLOW: 'code', AUTH_CACHE: 'localstorage' });
    expect([stored.authFlow, stored.authCache]).toEqual(['code', 'localstorage']);
  });

  it('refuse an unknown value, and localstorage for the implicit flow, each in one line', () => {
    const cases: [Record<string, string>, string][] = [
      [{ AUTH_FLOW: 'pkce' }, 'AUTH_FLOW="pkce" is not a login flow: implicit'],
      [{ AUTH_FLOW: 'code', AUTH_CACHE: 'cookie' }, 'AUTH_CACHE="cookie" is not a place for tokens: memory'],
      [{ AUTH_CACHE: 'localstorage' }, 'AUTH_CACHE=localstorage is for AUTH_FLOW=code'],
    ];
    for (const [env, start] of cases) {
      let message = '';
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message.startsWith(start))
        .withContext(`${JSON.stringify(env)}: ${message}`)
        .toBeTrue();
      expect(message).not.toContain('\n');
    }
  });
});
