import type angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import { TEST_OPTIONS, setupAuth } from '../../test/helpers';
import homeModule from './home.module';

describe('home page', () => {
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  function render(devTenant: boolean): string {
    function provideDevTenant($provide: angular.auto.IProvideService): void {
      $provide.constant('devTenant', devTenant);
    }
    provideDevTenant.$inject = ['$provide'];
    const t = setupAuth({}, uiRouter, homeModule, provideDevTenant);
    const $compile = t.$injector.get<angular.ICompileService>('$compile');
    const element = $compile('<home-page></home-page>')(t.$rootScope.$new());
    t.$rootScope.$digest();
    return element.text();
  }

  it('lists the demo users and their password with the dev tenant', () => {
    const text = render(true);
    expect(text).toContain('admin@example.com');
    expect(text).toContain('dev-password');
  });

  it('never shows them with a real tenant, which has none of them', () => {
    const text = render(false);
    expect(text).toContain('Log in');
    expect(text).not.toContain('dev-password');
    expect(text).not.toContain('admin@example.com');
  });
});
