// npm run dev-stack's app, registered in memory; and a copy of the tenant file that still finds the
// quickstart's post-login action wherever it is copied.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DEV_TENANT_FILE } from '../../../config/dev-tenant-file';
import type { TenantClient } from '../model/tenant-model';
import { appElsewhereUrls, withAppElsewhere } from './app-elsewhere';
import { readTenantFile } from './read-tenant-file';
import { DEFAULT_REFRESH_TOKEN_SETTINGS } from '../model/grant-types';

const keywords = {
  APP_ORIGIN: 'http://localhost:3000',
  DEV_TENANT_ORIGIN: 'http://localhost:3002',
  AUTH0_AUDIENCE: 'https://quickstarts/api',
};
const read = (file: string) => readTenantFile(file, { issuer: 'http://localhost:3002/', keywords });
const client = (clientId: string, appType: string, grantTypes: string[]): TenantClient => ({
  name: clientId,
  clientId,
  appType,
  grantTypes,
  callbackUrls: ['http://localhost:3000/callback'],
  logoutUrls: ['http://localhost:3000'],
  webOrigins: ['http://localhost:3000'],
  refreshToken: DEFAULT_REFRESH_TOKEN_SETTINGS,
});

describe("npm run dev-stack's app origin", () => {
  const spa = client('spa', 'spa', ['implicit']);
  const m2m = client('m2m', 'non_interactive', ['client_credentials']);

  it("adds the page, index.html, /callback and --callback to the app's client only", () => {
    const env = { DEV_STACK_APP_ORIGIN: 'http://localhost:8000', DEV_STACK_CALLBACK: '/app/' };
    const [app, other] = withAppElsewhere([spa, m2m], env);
    expect(app.callbackUrls).toEqual([
      'http://localhost:3000/callback',
      'http://localhost:8000/',
      'http://localhost:8000/index.html',
      'http://localhost:8000/callback',
      'http://localhost:8000/app/',
    ]);
    expect(app.logoutUrls).toEqual(['http://localhost:3000', 'http://localhost:8000', 'http://localhost:8000/']);
    expect(app.webOrigins).toEqual(['http://localhost:3000', 'http://localhost:8000']);
    expect(other).toBe(m2m);
  });

  it('picks the client AUTH0_CLIENT_ID names, and changes nothing without an origin', () => {
    const second = client('second', 'spa', ['implicit']);
    const [first, picked] = withAppElsewhere([spa, second], {
      DEV_STACK_APP_ORIGIN: 'http://localhost:8000',
      AUTH0_CLIENT_ID: 'second',
    });
    expect(first).toBe(spa);
    expect(picked.webOrigins).toContain('http://localhost:8000');
    expect(withAppElsewhere([spa], {})).toEqual([spa]);
  });

  it('is registered by the tenant file reader, without writing the file', () => {
    process.env.DEV_STACK_APP_ORIGIN = 'http://localhost:8000';
    try {
      const app = read(DEFAULT_DEV_TENANT_FILE).clients.find((c) => c.clientId === 'local-dev-spa');
      expect(app?.callbackUrls).toEqual(
        jasmine.arrayContaining([
          'http://localhost:3000/callback',
          ...appElsewhereUrls('http://localhost:8000').callbacks,
        ]),
      );
    } finally {
      delete process.env.DEV_STACK_APP_ORIGIN;
    }
  });
});

describe('a copy of the tenant file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'quickstart-tenant-copy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("still finds the quickstart's post-login action wherever it is copied", () => {
    const copy = join(dir, 'my-tenant.yaml');
    copyFileSync(DEFAULT_DEV_TENANT_FILE, copy);
    const [action] = read(copy).postLoginActions;
    expect(action.codeFile).toBe(
      resolve(DEFAULT_DEV_TENANT_FILE, '..', 'dev/tenant-actions/add-roles-to-tokens/code.js'),
    );
  });
});
