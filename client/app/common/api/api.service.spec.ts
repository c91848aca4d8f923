import angular from 'angular';
import commonApiModule from './api.module';
import { API_ROUTES, type ApiService } from './api.service';
import type { ApiResult } from './api-result';
import type { IHttpBackend } from '../../../test/helpers';

describe('api service', () => {
  let api: ApiService;
  let $httpBackend: IHttpBackend;

  function provideApiOrigin($provide: angular.auto.IProvideService): void {
    $provide.constant('apiOrigin', 'http://localhost:3901');
  }
  provideApiOrigin.$inject = ['$provide'];

  beforeEach(() => {
    // Only its own module and the `apiOrigin` constant: it needs nothing from the auth module.
    angular.mock.module(commonApiModule, provideApiOrigin);
    angular.mock.inject(($injector: angular.auto.IInjectorService) => {
      api = $injector.get<ApiService>('api');
      $httpBackend = $injector.get<IHttpBackend>('$httpBackend');
    });
  });
  afterEach(() => $httpBackend.verifyNoOutstandingExpectation());

  it('calls the route on the API origin and describes the answer', () => {
    const results: ApiResult[] = [];
    $httpBackend.expectPOST('http://localhost:3901/api/admin').respond(200, { message: 'Admin message' });
    void api.call(API_ROUTES.admin).then((r) => results.push(r));
    $httpBackend.flush();
    expect(results).toEqual([{ ok: true, status: '200 OK', message: 'Admin message' }]);
  });

  it("describes an error answer with the API's code and hint", () => {
    const results: ApiResult[] = [];
    $httpBackend
      .expectGET('http://localhost:3901/api/private-scoped')
      .respond(403, { error: 'insufficient_scope', code: 'insufficient_scope', hint: 'Grant read:messages.' });
    void api.call(API_ROUTES.privateScoped).then((r) => results.push(r));
    $httpBackend.flush();
    expect(results[0]).toEqual(
      jasmine.objectContaining({ ok: false, code: 'insufficient_scope', hint: 'Grant read:messages.' }),
    );
  });
});
