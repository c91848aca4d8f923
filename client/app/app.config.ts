import type angular from 'angular';
import type { UrlService } from '@uirouter/angularjs';
import type { AuthProvider } from './auth/auth.module';

/** The build injects __AUTH_CONFIG__ from the same environment the API reads (webpack.config.js). */
export function appConfig(
  $locationProvider: angular.ILocationProvider,
  $urlServiceProvider: UrlService,
  authProvider: AuthProvider,
): void {
  // html5Mode: the default `#!` prefix would mangle the `#access_token=...` fragment of the callback.
  $locationProvider.html5Mode(true);
  $urlServiceProvider.rules.otherwise('/');
  authProvider.configure(__AUTH_CONFIG__);
}
appConfig.$inject = ['$locationProvider', '$urlServiceProvider', 'authProvider'];
