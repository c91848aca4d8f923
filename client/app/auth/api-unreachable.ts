import type angular from 'angular';
import { isApiRequest } from './api-token-getter';
import { AUTH_MESSAGES } from './auth.messages';

/**
 * An $http interceptor: a request to the API that got no HTTP status at all (status -1: the API is
 * down, or its CORS policy refused this origin and the browser hid the answer) rejects with
 * `statusText` saying so and naming the setting to change, where $http leaves it empty.
 */
export function apiUnreachableInterceptor(apiOrigin: string, appOrigin: string) {
  function interceptor($q: angular.IQService): angular.IHttpInterceptor {
    return {
      responseError: (rejection: angular.IHttpResponse<unknown>) => {
        const unreachable = rejection.status <= 0 && rejection.xhrStatus === 'error';
        if (unreachable && isApiRequest(rejection.config.url, apiOrigin, appOrigin)) {
          rejection.statusText = AUTH_MESSAGES.apiUnreachable(apiOrigin, appOrigin);
        }
        return $q.reject(rejection);
      },
    };
  }
  return ['$q', interceptor];
}
