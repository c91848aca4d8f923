import type angular from 'angular';
import { describeResponse, type ApiResult } from './api-result';

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
}

/** The API's routes and what each needs: nothing, a valid token, read:messages, write:messages. */
export const API_ROUTES = {
  public: { method: 'GET', path: '/api/public' },
  private: { method: 'GET', path: '/api/private' },
  privateScoped: { method: 'GET', path: '/api/private-scoped' },
  admin: { method: 'POST', path: '/api/admin' },
} as const satisfies Record<string, ApiRoute>;

/**
 * Plain $http to `apiOrigin` (a constant the app registers): the jwtInterceptor adds the Bearer
 * token because the URL is on that origin. Nothing here touches the token.
 */
export class ApiService {
  static $inject = ['$http', 'apiOrigin'];
  constructor(
    private readonly $http: angular.IHttpService,
    private readonly apiOrigin: string,
  ) {}

  call(route: ApiRoute): angular.IPromise<ApiResult> {
    const describe = (response: angular.IHttpResponse<unknown>) => describeResponse(response, this.apiOrigin);
    return this.$http({ method: route.method, url: this.apiOrigin + route.path }).then(describe, describe);
  }
}
