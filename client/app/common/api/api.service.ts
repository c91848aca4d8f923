import type angular from 'angular';
import { describeResponse, type ApiResult } from './api-result';

/** What the API checks in an access token, as it publishes it. */
export interface ApiRequirements {
  issuer: string;
  audience: string;
  /** Every scope one of its routes checks. */
  scopes: string[];
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
}

/** The API's routes and what each needs: nothing, a valid token, read:messages, write:messages, manage:users. */
export const API_ROUTES = {
  public: { method: 'GET', path: '/api/public' },
  private: { method: 'GET', path: '/api/private' },
  privateScoped: { method: 'GET', path: '/api/private-scoped' },
  admin: { method: 'POST', path: '/api/admin' },
  users: { method: 'GET', path: '/api/users' },
  tokenRequirements: { method: 'GET', path: '/api/token-requirements' },
} as const satisfies Record<string, ApiRoute>;

/**
 * Plain $http to `apiOrigin` (a constant the app registers): the jwtInterceptor adds the Bearer
 * token because the URL is on that origin. Nothing here touches the token.
 */
export class ApiService {
  static $inject = ['$http', '$q', 'apiOrigin'];
  constructor(
    private readonly $http: angular.IHttpService,
    private readonly $q: angular.IQService,
    private readonly apiOrigin: string,
  ) {}

  /** The answer, described (both a success and an error resolve). */
  call(route: ApiRoute): angular.IPromise<ApiResult> {
    const describe = (response: angular.IHttpResponse<unknown>) => describeResponse(response, this.apiOrigin);
    return this.$http({ method: route.method, url: this.apiOrigin + route.path }).then(describe, describe);
  }

  /**
   * What the API checks in a token (its public GET /api/token-requirements), or null when it does not
   * answer that: an older API, another API, or none running.
   */
  requirements(): angular.IPromise<ApiRequirements | null> {
    return this.json<{ issuer: string; audience: string; scopes: Record<string, string> }>(
      API_ROUTES.tokenRequirements,
    ).then(
      ({ issuer, audience, scopes }) =>
        issuer && audience ? { issuer, audience, scopes: Object.values(scopes) } : null,
      () => null,
    );
  }

  /** The answer's JSON, with `data` as a JSON body (a DELETE too); an error rejects with its ApiResult. */
  json<T>(route: ApiRoute, data?: object): angular.IPromise<T> {
    // $http sets Content-Type for POST, PUT and PATCH bodies only; the users routes read a DELETE's too.
    const headers = data ? { 'Content-Type': 'application/json' } : {};
    return this.$http<T>({ method: route.method, url: this.apiOrigin + route.path, data, headers }).then(
      (response) => response.data,
      (response: angular.IHttpResponse<unknown>) => this.$q.reject(describeResponse(response, this.apiOrigin)),
    );
  }
}
