import type angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import { TEST_OPTIONS, authResult, setupAuth, type AuthSetup } from '../../test/helpers';
import apiModule from './api.module';

describe('the API page', () => {
  const privateRoute = `${TEST_OPTIONS.apiOrigin}/api/private`;
  let t: AuthSetup;
  let element: angular.IAugmentedJQuery;

  function provideApiOrigin($provide: angular.auto.IProvideService): void {
    $provide.constant('apiOrigin', TEST_OPTIONS.apiOrigin);
  }
  provideApiOrigin.$inject = ['$provide'];

  beforeEach(() => {
    // A reload of a logged-in user: the session is being restored when the page shows.
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    t = setupAuth({}, uiRouter, apiModule, provideApiOrigin);
    const $compile = t.$injector.get<angular.ICompileService>('$compile');
    element = $compile('<api-page></api-page>')(t.$rootScope.$new());
    t.$rootScope.$digest();
  });
  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  it('a click while the session is being restored waits for it, and the call carries the restored token', () => {
    expect(t.auth.loading).toBeTrue();
    element[0].querySelector<HTMLButtonElement>('#callPrivate')!.click();
    // Sent now, it would go without a token and come back as a false "log in first".
    t.$httpBackend.verifyNoOutstandingRequest();
    expect(element[0].textContent).toContain('Calling /api/private');

    const restored = authResult();
    t.$httpBackend
      .expectGET(privateRoute, (headers) => headers['Authorization'] === `Bearer ${restored.accessToken}`)
      .respond(200, { message: 'Hello from a private endpoint.' });
    t.answer(null, restored);
    t.$httpBackend.flush();
    expect(element[0].querySelector('#apiResult')?.textContent).toContain('200');
  });
});
