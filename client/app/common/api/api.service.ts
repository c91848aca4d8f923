import type angular from 'angular';
import { describeResponse, type ApiResult } from './api-result';

export interface ApiCall {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  label: string;
}

/** The four routes of the API, by the id of the button that calls each. */
export const API_CALLS: ApiCall[] = [
  { id: 'callPublic', method: 'GET', path: '/api/public', label: 'Public' },
  { id: 'callPrivate', method: 'GET', path: '/api/private', label: 'Private (any valid token)' },
  { id: 'callPrivateScoped', method: 'GET', path: '/api/private-scoped', label: 'Scoped (read:messages)' },
  { id: 'callAdmin', method: 'POST', path: '/api/admin', label: 'Admin (write:messages)' },
];

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

  call(call: ApiCall, data?: object): angular.IPromise<ApiResult> {
    const describe = (response: angular.IHttpResponse<unknown>) => describeResponse(response, this.apiOrigin);
    return this.$http({ method: call.method, url: this.apiOrigin + call.path, data }).then(describe, describe);
  }
}
