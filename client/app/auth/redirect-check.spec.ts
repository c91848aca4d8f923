// Setups whose login could never come back say which setting to change, before the redirect.
import angular from 'angular';
import authModule, { type AuthProvider, type AuthService } from './auth.module';
import { redirectProblem } from './redirect-check';
import { TEST_OPTIONS, WebAuthStub } from '../../test/helpers';

describe('redirectProblem', () => {
  const page = { origin: 'http://localhost:8000', pathname: '/' };

  it('a hashbang app is one page: the redirect URI must be it', () => {
    expect(redirectProblem('http://localhost:8000/', false, page)).toBeNull();
    expect(redirectProblem('http://localhost:8000/index.html', false, page)).toBeNull();
    expect(redirectProblem('http://localhost:8000/callback', false, page)).toBe(
      "Login cannot work: redirectUri http://localhost:8000/callback is not this page, and a hashbang (#!) app is served from http://localhost:8000/ only. Set redirectUri: 'http://localhost:8000/' in authProvider.configure(), and add it to the Allowed Callback URLs.",
    );
  });

  it('an html5Mode app routes paths itself', () => {
    expect(redirectProblem('http://localhost:8000/callback', true, page)).toBeNull();
  });

  it('the response must come back to this origin', () => {
    expect(redirectProblem('http://localhost:3000/callback', true, page)).toMatch(
      /^Login cannot work: redirectUri http:\/\/localhost:3000\/callback is not on this app's origin \(http:\/\/localhost:8000\)/,
    );
  });
});

describe('a hashbang app with the default redirectUri', () => {
  function configure(authProvider: AuthProvider): void {
    authProvider.configure(TEST_OPTIONS); // redirectUri: this origin + /callback; no html5Mode
  }
  configure.$inject = ['authProvider'];

  it('says so at start-up, and login() does not send the user to the tenant', () => {
    const stub = new WebAuthStub();
    angular.mock.module(authModule, configure);
    angular.mock.inject((auth: AuthService) => {
      expect(auth.error).toMatch(/^Login cannot work: redirectUri .*\/callback is not this page.*Set redirectUri: '/);
      auth.login('/');
      expect(stub.authorize).not.toHaveBeenCalled();
      expect(auth.error).toMatch(/^Login cannot work/);
    });
  });
});
