// The page's mistakes in loading the module, explained in one message each.
import angular from 'angular';
import { angularLoadedTwice, missingPeer } from './load-checks';

describe('load checks', () => {
  const registered = (...names: string[]) =>
    ({
      module: (name: string) => {
        if (!names.includes(name)) throw new Error(`Module '${name}' is not available!`);
        return {};
      },
    }) as unknown as angular.IAngularStatic;

  it('names the script order when angular-auth0 is missing, and auth0-js as the likely cause', () => {
    const message = missingPeer(registered('angular-jwt'), {} as Window);
    expect(message).toBe(
      'qs.auth: angular-auth0 is not loaded (auth0-js must be loaded before it, or it fails with "auth0 is not defined"). Load the scripts in this order: angular.js, auth0.min.js (auth0-js 10), angular-auth0.js, angular-jwt.js, then qs-auth.js.',
    );
    const auth0Present = missingPeer(registered('angular-jwt'), { auth0: {} } as unknown as Window);
    expect(auth0Present).toMatch(/^qs\.auth: angular-auth0 is not loaded\. Load the scripts in this order:/);
    expect(missingPeer(registered('auth0.auth0'), {} as Window)).toMatch(/^qs\.auth: angular-jwt is not loaded\./);
  });

  it('is quiet when both are registered (as in this bundle)', () => {
    expect(missingPeer(angular, window)).toBeNull();
  });

  it('sees AngularJS loaded twice: two copies of its style, or two script tags', () => {
    const page = () => document.implementation.createHTMLDocument('page');
    const ngStyle = '@charset "UTF-8";[ng\\:cloak],[ng-cloak]{display:none !important;}';
    const doc = page();
    for (let i = 0; i < 2; i++) doc.head.append(Object.assign(doc.createElement('style'), { textContent: ngStyle }));
    expect(angularLoadedTwice(doc)).toMatch(/^qs\.auth: AngularJS is loaded twice on this page \(2 copies ran, /);

    const tags = page();
    for (const src of ['/lib/angular/angular.js', '/bundle/angular.min.js?v=2'])
      tags.head.append(Object.assign(tags.createElement('script'), { src }));
    expect(angularLoadedTwice(tags)).toContain('angular.js and ');

    const once = page();
    once.head.append(Object.assign(once.createElement('style'), { textContent: ngStyle }));
    expect(angularLoadedTwice(once)).toBeNull();
    // This page: the spec bundle's one copy.
    expect(angularLoadedTwice(document)).toBeNull();
  });
});
