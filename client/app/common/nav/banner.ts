// The auth module keeps one line about the last failure (auth.error) until the next login. Shown as a
// banner, it belongs to the page it was raised on: following a link hides it, and a page that refuses
// the visitor shows its reason again. A refusal ("Log in to open /profile.") is information, styled
// as such; a failed login, restore or renewal is an error.
import type { AuthService } from '../../auth/auth.module';
import { accessDenial, type AccessRule } from '../../auth/auth.guard';

export interface Banner {
  text: string;
  severity: 'info' | 'error';
  /** How a screen reader hears it: an error interrupts, information waits its turn. */
  role: 'alert' | 'status';
}

/** The line the guard wrote when it refused `page` (its path) under `rule`: what a refusal banner shows. */
export function refusalText(auth: AuthService, rule: AccessRule | undefined, url: string | undefined): string | null {
  return accessDenial(auth, rule, (url ?? '').split('?')[0] || 'this page');
}

export class BannerState {
  /** The line the visitor left behind by following a link. */
  private dismissed: string | null = null;
  /** The refusal that brought the visitor to this page, if any. */
  private refusal: string | null = null;
  private last: string | null = null;
  /** The same object while nothing changes: a watcher sees a new object as a change. */
  private shown: Banner | null = null;

  /** The visitor followed a link: the page's message stays behind. */
  leave(current: string | null): void {
    this.dismissed = current;
    this.refusal = null;
  }

  /** A guard refused a page and sent the visitor here: its reason is this page's message. */
  refused(text: string | null): void {
    this.refusal = text;
    this.dismissed = null;
  }

  /** What to show for `current` (auth.error now); a new line is always shown. */
  show(current: string | null): Banner | null {
    if (current !== this.last) {
      this.last = current;
      if (current !== this.dismissed) this.dismissed = null;
    }
    if (!current || current === this.dismissed) return (this.shown = null);
    const severity = current === this.refusal ? 'info' : 'error';
    if (this.shown?.text !== current || this.shown.severity !== severity)
      this.shown = { text: current, severity, role: severity === 'info' ? 'status' : 'alert' };
    return this.shown;
  }
}
