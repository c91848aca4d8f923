// Mistakes in how a page loads the module, explained when it loads: the browser's own errors for them
// ("auth0 is not defined", then "Module 'auth0.auth0' is not available!") name neither the cause nor
// the fix.
// Only the built library (auth.standalone.ts) runs them, so their sentences live here rather than in
// auth.messages.ts, which every app bundles.
import type angular from 'angular';

const ORDER =
  'Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.';

/** What the plain script needs registered before it: angular-auth0's module and angular-jwt's. */
const PEERS = [
  ['auth0.auth0', 'angular-auth0'],
  ['angular-jwt', 'angular-jwt'],
] as const;

/** Why the module cannot run on this page (a library missing or loaded in the wrong order), or null. */
export function missingPeer(ng: angular.IAngularStatic, win: Window): string | null {
  for (const [moduleName, library] of PEERS) {
    try {
      ng.module(moduleName);
    } catch {
      const cause =
        library === 'angular-auth0' && !('auth0' in win)
          ? ' (auth0-js must be loaded before it, or it fails with "auth0 is not defined")'
          : '';
      return `qs.auth: ${library} is not loaded${cause}. ${ORDER}`;
    }
  }
  return null;
}

// AngularJS prepends this style to <head> each time its file runs (unless in CSP mode, ng-csp).
const NG_CLOAK_STYLE = /^@charset "UTF-8";\[ng\\:cloak\]/;
const ANGULAR_FILE = /\/angular(\.min)?\.js([?#]|$)/;

const twice = (how: string) =>
  `qs.auth: AngularJS is loaded twice on this page (${how}); only the first copy runs. If a bundle includes angular, mark it external or load qs-auth.js, which uses the page's angular.`;

/** How AngularJS was loaded more than once on `doc` (two copies of its style, or two script tags), or null. */
export function angularLoadedTwice(doc: Document): string | null {
  const styles = Array.from(doc.querySelectorAll('style')).filter((s) => NG_CLOAK_STYLE.test(s.textContent ?? ''));
  const scripts = Array.from(doc.scripts).filter((s) => ANGULAR_FILE.test(s.src));
  if (scripts.length > 1) return twice(scripts.map((s) => s.src).join(' and '));
  if (styles.length > 1) return twice(`${styles.length} copies ran, e.g. a bundle that includes it`);
  return null;
}
