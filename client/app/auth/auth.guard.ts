import type angular from 'angular';
import { AUTH_MESSAGES } from './auth.messages';
import type { AuthService } from './auth.service';

/** Put on a ui-router state's `data`: `{ requiresLogin: true }` or `{ requiresScope: 'write:messages' }`. */
export interface AccessRule {
  requiresLogin?: boolean;
  requiresScope?: string;
}

/** Why `rule` refuses the current session, in one line, or null when access is allowed. */
export function accessDenial(auth: AuthService, rule: AccessRule | undefined, page: string): string | null {
  if (!rule || (!rule.requiresLogin && !rule.requiresScope)) return null;
  if (!auth.isAuthenticated()) return AUTH_MESSAGES.logInToOpen(page);
  if (rule.requiresScope && !auth.hasScope(rule.requiresScope)) {
    const apiScopes = auth.grantedScopes().filter((s) => s.includes(':'));
    return AUTH_MESSAGES.missingScope(page, rule.requiresScope, apiScopes);
  }
  return null;
}

// The few ui-router types used, declared here so the module does not depend on ui-router.
interface RouterLike {
  urlService: {
    match(url: {
      path: string;
      search: object;
      hash: string;
    }): { match: object; rule: { state?: { name: string } } } | undefined;
  };
  stateService: {
    target(name: string, params: object, options: object): unknown;
    href(state: object, params: object): string | null;
  };
}
interface TransitionLike {
  to(): { data?: AccessRule; url?: string };
  params(): object;
  router: RouterLike;
}
interface TransitionsLike {
  onBefore(criteria: object, hook: (transition: TransitionLike) => unknown): void;
}

/**
 * Registers the guard when ui-router is present (the module does not require it). The hook first
 * waits for `auth.ready()`: on a reload, the session is still being restored, and deciding before
 * that would throw a logged-in user off /profile.
 */
export function registerGuard(
  $injector: angular.auto.IInjectorService,
  auth: AuthService,
  $location: angular.ILocationService,
): void {
  if (!$injector.has('$transitions')) return;
  const $transitions = $injector.get<TransitionsLike>('$transitions');
  const guarded = (state: { data?: AccessRule }) => Boolean(state.data?.requiresLogin || state.data?.requiresScope);
  $transitions.onBefore({ to: guarded }, (transition) =>
    auth.ready().then(() => {
      const denial = accessDenial(auth, transition.to().data, pageName(transition));
      if (!denial) return true;
      const { router } = transition;
      // href is '#!/profile' without html5Mode; $location.url() wants '/profile'.
      const url = router.stateService.href(transition.to(), transition.params())?.replace(/^#!?/, '') ?? null;
      const deniedPath = auth.deny(url, denial);
      // Redirect (not just cancel): cancelling the first transition of a page load leaves a blank page.
      const found = router.urlService.match({ path: deniedPath, search: {}, hash: '' });
      if (found?.rule.state)
        return router.stateService.target(found.rule.state.name, found.match, { location: 'replace' });
      $location.url(deniedPath).replace();
      return false;
    }),
  );
}
registerGuard.$inject = ['$injector', 'auth', '$location'];

function pageName(transition: TransitionLike): string {
  const url = transition.to().url;
  return url ? url.split('?')[0] : 'this page';
}
