// `authFlow`: the selected flow's service, built from the options given to `authProvider.configure()`.
import type angular from 'angular';
import type { AuthFlow, FlowDefinition } from './auth-flow';
import type { ResolvedOptionsSource } from './auth.options';

export class AuthFlowProvider {
  static $inject = ['authProvider', 'authFlowDefinition'];
  constructor(
    private readonly authProvider: ResolvedOptionsSource,
    private readonly flow: FlowDefinition,
  ) {}

  $get($injector: angular.auto.IInjectorService): AuthFlow {
    return $injector.instantiate(this.flow.service, { authOptions: this.authProvider.resolved() });
  }
}
AuthFlowProvider.prototype.$get.$inject = ['$injector'];
