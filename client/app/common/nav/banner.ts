// The auth module keeps one line about the last failure (auth.error) until the next login. Shown as a
// banner, it belongs to the page it was raised on: following a link hides it, and a page that refuses
// the visitor shows its reason again. A refusal ("Log in to open /profile.") is information, styled
// as such; a failed login, restore or renewal is an error. Refusals come from the guards through
// auth.denial (counted), so this holds for every router and for a refusal that leaves the visitor on
// the page they were on (ui-router ignores a redirect to the current state).
import type { Denial } from '../../auth/auth.module';

export interface Banner {
  text: string;
  severity: 'info' | 'error';
  /** How a screen reader hears it: an error interrupts, information waits its turn. */
  role: 'alert' | 'status';
}

export class BannerState {
  /** The line the visitor left behind by following a link. */
  private dismissed: string | null = null;
  /** The reason of the refusal that brought the visitor to this page, if any. */
  private refusal: string | null = null;
  private denialsSeen = 0;
  private last: string | null = null;
  /** The same object while nothing changes: a watcher sees a new object as a change. */
  private shown: Banner | null = null;

  /** The visitor followed a link: the page's message stays behind. */
  leave(current: string | null): void {
    this.dismissed = current;
    this.refusal = null;
  }

  /** What to show for `current` (auth.error now), given the guards' latest refusal; a new line is always shown. */
  show(current: string | null, denial: Denial | null): Banner | null {
    if (denial && denial.count !== this.denialsSeen) {
      this.denialsSeen = denial.count;
      this.refusal = denial.reason;
      this.dismissed = null;
    }
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
