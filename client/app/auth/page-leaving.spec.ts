import type angular from 'angular';
import { watchPageLeaving } from './page-leaving';

describe('watchPageLeaving', () => {
  // A stand-in window: dispatching beforeunload on Karma's own window would end the run.
  const fakeWindow = () => new EventTarget() as unknown as angular.IWindowService;

  for (const event of ['beforeunload', 'pagehide']) {
    it(`is true from ${event} on (Firefox aborts the page's requests right after beforeunload)`, () => {
      const $window = fakeWindow();
      const leaving = watchPageLeaving($window);
      expect(leaving()).toBeFalse();
      $window.dispatchEvent(new Event(event));
      expect(leaving()).toBeTrue();
    });
  }

  it('is false again when the page comes back from the back-forward cache', () => {
    const $window = fakeWindow();
    const leaving = watchPageLeaving($window);
    $window.dispatchEvent(new Event('pagehide'));
    $window.dispatchEvent(new Event('pageshow'));
    expect(leaving()).toBeFalse();
  });
});
