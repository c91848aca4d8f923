// The login response is taken out of the URL when the module loads, before any router reads it.
import { loginFragment, samePage, takeLoginFragment } from './login-fragment';
import { TEST_OPTIONS, setupAuth } from '../../test/helpers';

describe('the login response in the URL', () => {
  const page = window.location.pathname + window.location.search;
  const response = '#access_token=a&id_token=b&token_type=Bearer&state=s';

  afterEach(() => {
    window.history.replaceState(null, '', page);
    loginFragment(window.location); // nothing left over for the next spec
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  it('leaves the URL at once when the module loads, and the start-up handles it as the callback', () => {
    window.history.replaceState(null, '', page + response);
    takeLoginFragment(window.location, window.history);
    expect(window.location.hash).toBe(''); // what a hashbang router reads next: no tokens
    expect(window.location.pathname + window.location.search).toBe(page);
    const t = setupAuth({ redirectUri: window.location.origin + window.location.pathname });
    expect(t.stub.parseHash).toHaveBeenCalledOnceWith({ hash: response }, jasmine.any(Function));
    expect(t.stub.checkSession).not.toHaveBeenCalled();
  });

  it('is given once: a second start-up restores instead', () => {
    window.history.replaceState(null, '', page + response);
    takeLoginFragment(window.location, window.history);
    expect(loginFragment(window.location)).toEqual({ path: window.location.pathname, hash: response });
    expect(loginFragment(window.location)).toBeNull();
  });

  it('leaves an ordinary fragment alone', () => {
    window.history.replaceState(null, '', `${page}#!/phones`);
    takeLoginFragment(window.location, window.history);
    expect(window.location.hash).toBe('#!/phones');
    expect(loginFragment(window.location)).toBeNull();
  });

  it('counts /, /index.html and a trailing slash as one page', () => {
    expect(samePage('/', '/index.html')).toBeTrue();
    expect(samePage('/app/', '/app/index.htm')).toBeTrue();
    expect(samePage('/app', '/app/')).toBeTrue();
    expect(samePage('/', '/callback')).toBeFalse();
  });
});
