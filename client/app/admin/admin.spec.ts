import type angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import { TEST_OPTIONS, setupAuth, type AuthSetup } from '../../test/helpers';
import adminModule, { type AdminController } from './admin.module';

describe('admin page (users and roles through the API)', () => {
  const users = `${TEST_OPTIONS.apiOrigin}/api/users`;
  const readerRoles = `${users}/auth0%7Cdev-reader-0002/roles`;
  const listed = [
    { id: 'auth0|dev-admin-0001', email: 'admin@example.com', name: 'Ada Admin', roles: ['admin'] },
    { id: 'auth0|dev-guest-0003', email: 'guest@example.com', name: 'Gale Guest', roles: [] },
    { id: 'auth0|dev-reader-0002', email: 'reader@example.com', name: 'Riley Reader', roles: ['reader'] },
  ];
  let t: AuthSetup;
  let bearer: string;
  let page: AdminController;

  function provideApiOrigin($provide: angular.auto.IProvideService): void {
    $provide.constant('apiOrigin', TEST_OPTIONS.apiOrigin);
  }
  provideApiOrigin.$inject = ['$provide'];

  beforeEach(() => {
    t = setupAuth({}, uiRouter, adminModule, provideApiOrigin);
    bearer = `Bearer ${t.logIn().accessToken}`;
    const $componentController =
      t.$injector.get<(name: string, locals: object) => AdminController>('$componentController');
    page = $componentController('adminPage', {});
  });
  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  const load = () => {
    t.$httpBackend.expectGET(users, (h) => h['Authorization'] === bearer).respond(200, listed);
    page.$onInit();
    t.$httpBackend.flush();
    return page.users!.find((user) => user.email === 'reader@example.com')!;
  };
  const json = (h: Record<string, string>) => h['Content-Type'] === 'application/json' && h['Authorization'] === bearer;

  it('lists the users from GET /api/users, a column per role any of them has', () => {
    load();
    expect(page.roleNames).toEqual(['admin', 'reader']);
    expect(page.users!.map((user) => [user.email, user.has])).toEqual([
      ['admin@example.com', { admin: true }],
      ['guest@example.com', {}],
      ['reader@example.com', { reader: true }],
    ]);
  });

  it('a ticked box gives the role with POST, and says when the new scopes count', () => {
    const reader = load();
    reader.has['admin'] = true;
    t.$httpBackend
      .expect('POST', readerRoles, { roles: ['admin'] }, json)
      .respond(200, { id: reader.id, roles: ['admin', 'reader'] });
    page.toggle(reader, 'admin');
    expect(page.busy).toBe(1);
    t.$httpBackend.flush();
    expect(page.busy).toBe(0);
    expect(reader.roles).toEqual(['admin', 'reader']);
    expect(page.result).toEqual({
      ok: true,
      status: '200 OK',
      message: 'reader@example.com now has admin, reader: the new scopes come with their next login or silent renewal.',
    });
  });

  it('an unticked box takes the role away with DELETE and a JSON body', () => {
    const reader = load();
    reader.has['reader'] = false;
    t.$httpBackend
      .expect('DELETE', readerRoles, { roles: ['reader'] }, json)
      .respond(200, { id: reader.id, roles: [] });
    page.toggle(reader, 'reader');
    t.$httpBackend.flush();
    expect(reader.has).toEqual({});
    expect(page.result?.message).toMatch(/^reader@example\.com now has no role:/);
    expect(page.roleNames).toEqual(['admin', 'reader']); // the column stays
  });

  it("a refusal puts the box back and shows the API's code and hint, and the app's note", () => {
    const reader = load();
    reader.has['admin'] = true;
    t.$httpBackend.expect('POST', readerRoles).respond(502, {
      error: 'management_api_error',
      error_description: 'The Management API answered POST /api/v2/users/{id}/roles with 403 insufficient_scope.',
      code: 'management_api_error',
      hint: "Add the scope to the application's grant.",
    });
    page.toggle(reader, 'admin');
    t.$httpBackend.flush();
    expect(reader.has['admin']).toBeFalse();
    expect(page.result).toEqual(
      jasmine.objectContaining({
        ok: false,
        status: '502 Bad Gateway',
        code: 'management_api_error',
        hint: "Add the scope to the application's grant.",
      }),
    );
    expect(page.result?.note).toContain("the fix is on the API's side");
  });

  describe('your own roles', () => {
    const admin = () => page.users!.find((user) => user.email === 'admin@example.com')!;
    beforeEach(() => {
      // Signed in as the listed admin.
      spyOn(t.auth, 'getClaims').and.returnValue({ sub: 'auth0|dev-admin-0001' });
      const $componentController =
        t.$injector.get<(name: string, locals: object) => AdminController>('$componentController');
      page = $componentController('adminPage', {});
      load();
    });

    it('unticking one asks first, saying how to undo it, and sends nothing until confirmed', () => {
      admin().has['admin'] = false;
      page.toggle(admin(), 'admin');
      expect(admin().has['admin']).toBeTrue(); // the box stays ticked while it asks
      expect(page.pending).toEqual({ user: admin(), role: 'admin' });
      t.$httpBackend.verifyNoOutstandingRequest();

      t.$httpBackend
        .expect('DELETE', `${users}/auth0%7Cdev-admin-0001/roles`, { roles: ['admin'] }, json)
        .respond(200, {
          id: 'auth0|dev-admin-0001',
          roles: [],
        });
      page.removeOwn();
      t.$httpBackend.flush();
      expect(page.pending).toBeNull();
      expect(admin().has).toEqual({});
    });

    it('"Keep my role" leaves it as it was', () => {
      admin().has['admin'] = false;
      page.toggle(admin(), 'admin');
      page.keep();
      expect(page.pending).toBeNull();
      expect(admin().has['admin']).toBeTrue();
    });

    it('giving yourself a role, or changing another user, needs no confirmation', () => {
      admin().has['reader'] = true;
      t.$httpBackend.expect('POST', `${users}/auth0%7Cdev-admin-0001/roles`).respond(200, {
        id: 'auth0|dev-admin-0001',
        roles: ['admin', 'reader'],
      });
      page.toggle(admin(), 'reader');
      t.$httpBackend.flush();
      expect(page.pending).toBeNull();
    });
  });

  it('a role that appears in an answer gets its column', () => {
    const reader = load();
    reader.has['admin'] = true;
    t.$httpBackend.expect('POST', readerRoles).respond(200, { id: reader.id, roles: ['admin', 'editor', 'reader'] });
    page.toggle(reader, 'admin');
    t.$httpBackend.flush();
    expect(page.roleNames).toEqual(['admin', 'editor', 'reader']);
  });

  it('shows why the list could not be read (503 management_api_not_configured)', () => {
    t.$httpBackend.expectGET(users).respond(503, {
      error: 'server_error',
      error_description: 'The API has no Management API client, so it cannot read or change users.',
      code: 'management_api_not_configured',
      hint: 'Set AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET for the API.',
    });
    page.$onInit();
    t.$httpBackend.flush();
    expect(page.users).toBeNull();
    expect(page.result).toEqual(
      jasmine.objectContaining({ status: '503 Service Unavailable', code: 'management_api_not_configured' }),
    );
    expect(page.result?.note).toContain('can hold only the current_user scopes');
  });
});
