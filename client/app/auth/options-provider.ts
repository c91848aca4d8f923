// A provider for a service built from the options given to `authProvider.configure()` (its
// `authOptions`): the selected flow's `authFlow` and `audienceTokens`.
import type angular from 'angular';
import type { ResolvedOptionsSource } from './auth.options';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- AngularJS's injector supplies the arguments
type Service = (new (...args: any[]) => object) | (((...args: any[]) => object) & { $inject: string[] });

export function providerFromOptions(service: Service) {
  // A function, not an arrow: AngularJS instantiates providers with `new`.
  function provider(authProvider: ResolvedOptionsSource) {
    const $get = ($injector: angular.auto.IInjectorService) =>
      $injector.instantiate(service as new () => object, { authOptions: authProvider.resolved() });
    return { $get: ['$injector', $get] };
  }
  provider.$inject = ['authProvider'];
  return provider;
}
