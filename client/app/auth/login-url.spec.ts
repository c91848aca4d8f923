// The login response is taken out of the URL when the module loads, before any router reads it:
// the fragment for the implicit flow, the query for the code flow.
import { loginResponse, samePage, takeLoginResponse } from './login-url';
import { TEST_OPTIONS, setupAuth } from '../../test/helpers';
import { selectedFlow as implicit } from './selected-flow';
import { selectedFlow as code } from './selected-flow.code';

const fragment = implicit.responseIn;
const query = code.responseIn;

describe('the login response in the URL', () => {
  const page = window.location.pathname + window.location.search;
  const response = '#access_token=a&id_token=b&token_type=Bearer&state=s';

  afterEach(() => {
    window.history.replaceState(null, '', page);
    loginResponse(window.location, fragment); // nothing left over for the next spec
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  it('leaves the URL at once when the module loads, and the start-up handles it as the callback', () => {
    window.history.replaceState(null, '', page + response);
    takeLoginResponse(window.location, window.history, fragment);
    expect(window.location.hash).toBe(''); // what a hashbang router reads next: no tokens
    expect(window.location.pathname + window.location.search).toBe(page);
    const t = setupAuth({ redirectUri: window.location.origin + window.location.pathname });
    expect(t.stub.parseHash).toHaveBeenCalledOnceWith({ hash: response }, jasmine.any(Function));
    expect(t.stub.checkSession).not.toHaveBeenCalled();
  });

  it('is given once: a second start-up restores instead', () => {
    window.history.replaceState(null, '', page + response);
    takeLoginResponse(window.location, window.history, fragment);
    expect(loginResponse(window.location, fragment)).toEqual({ path: window.location.pathname, response });
    expect(loginResponse(window.location, fragment)).toBeNull();
  });

  it('leaves an ordinary fragment alone', () => {
    window.history.replaceState(null, '', `${page}#!/phones`);
    takeLoginResponse(window.location, window.history, fragment);
    expect(window.location.hash).toBe('#!/phones');
    expect(loginResponse(window.location, fragment)).toBeNull();
  });

  it('takes a code and its state out of the query (the code flow), keeping the fragment', () => {
    const path = window.location.pathname;
    window.history.replaceState(null, '', `${path}?code=c0de&state=s#!/phones`);
    takeLoginResponse(window.location, window.history, query);
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#!/phones');
    expect(loginResponse(window.location, query)).toEqual({ path, response: '?code=c0de&state=s' });
  });

  it('tells an authorization response in the query from an ordinary one: a code or an error, with a state', () => {
    expect(query.pattern.test('?code=x&state=s')).toBeTrue();
    expect(query.pattern.test('?state=s&code=x')).toBeTrue();
    expect(query.pattern.test('?error=login_required&error_description=d&state=s')).toBeTrue();
    expect(query.pattern.test('?code=x')).toBeFalse(); // no state: not the tenant's answer
    expect(query.pattern.test('?page=2&state=ny')).toBeFalse();
    expect(query.pattern.test('?mycode=x&state=s')).toBeFalse();
    expect(fragment.pattern.test('#!/phones?code=x&state=s')).toBeFalse();
  });

  it('counts /, /index.html and a trailing slash as one page', () => {
    expect(samePage('/', '/index.html')).toBeTrue();
    expect(samePage('/app/', '/app/index.htm')).toBeTrue();
    expect(samePage('/app', '/app/')).toBeTrue();
    expect(samePage('/', '/callback')).toBeFalse();
  });
});
