import angular from 'angular';
import type { AuthService } from '../../auth/auth.module';
import { BannerState, type Banner } from './banner';
import template from './nav.html';

interface TransitionLike {
  options(): { source?: string };
}
interface TransitionsLike {
  onStart(criteria: object, hook: (transition: TransitionLike) => void): () => void;
}

/**
 * Top bar: login/logout, the user's name, the admin link only for manage:users, and the auth
 * module's message as a banner that belongs to the page it was raised on (banner.ts).
 */
class NavController {
  static $inject = ['auth', '$transitions'];
  private readonly state = new BannerState();
  private readonly stopWatching: (() => void)[] = [];

  constructor(
    readonly auth: AuthService,
    private readonly $transitions: TransitionsLike,
  ) {}

  $onInit(): void {
    this.stopWatching.push(
      // A link followed (ui-sref); the auth module's own moves (the callback, the guard) are not the visitor's.
      this.$transitions.onStart({}, (transition) => {
        if (transition.options().source === 'sref') this.state.leave(this.auth.error);
      }),
    );
  }

  $onDestroy(): void {
    this.stopWatching.forEach((stop) => stop());
  }

  get banner(): Banner | null {
    return this.state.show(this.auth.error, this.auth.denial);
  }

  get userName(): string {
    const claims = this.auth.getClaims();
    const shown = [claims?.['name'], claims?.['email'], claims?.['sub']].find((value) => typeof value === 'string');
    return typeof shown === 'string' ? shown : '';
  }
}

export default angular.module('qs.nav', []).component('qsNav', { template, controller: NavController }).name;
