import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen, type Listening } from '../testing/listen';
import { bakedPolicy, createDistServer } from './serve-dist';

const POLICY = "default-src 'none'; script-src 'self'; connect-src 'self' https://t.example.com";
const INDEX = `<!doctype html><html lang="en" ng-csp><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"><script defer="defer" src="/main.0123abcd.js"></script></head><body></body></html>`;

describe('npm run serve-dist', () => {
  let folder: string;
  let server: Listening;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'serve-dist-spec-'));
    writeFileSync(join(folder, 'index.html'), INDEX);
    writeFileSync(join(folder, 'main.0123abcd.js'), 'console.log(1);');
    writeFileSync(join(folder, 'main.0123abcd.css'), 'body{}');
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await listen(createDistServer(folder));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(server.url + path, { redirect: 'manual', ...init });

  it('answers every app route with index.html, never cached without revalidation', async () => {
    for (const path of ['/', '/callback', '/profile', '/api', '/admin', '/token', '/profile/']) {
      const response = await get(path);
      expect(response.status).withContext(path).toBe(200);
      expect(response.headers.get('content-type'))
        .withContext(path)
        .toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).withContext(path).toBe('no-cache');
      expect(await response.text())
        .withContext(path)
        .toBe(INDEX);
    }
    expect((await get('/index.html')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/profile', { method: 'HEAD' })).status).toBe(200);
  });

  it('caches content-hashed files for good, other files with revalidation', async () => {
    const script = await get('/main.0123abcd.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/main.0123abcd.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/logo.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a file that is not there, not index.html', async () => {
    for (const path of ['/main.deadbeef.js', '/main.js', '/favicon.ico', '/assets/missing.png']) {
      const response = await get(path);
      expect(response.status).withContext(path).toBe(404);
      expect(response.headers.get('content-type'))
        .withContext(path)
        .toMatch(/^text\/plain/);
      expect(await response.text()).not.toContain('<html');
    }
    expect((await get('/profile', { method: 'POST' })).status).toBe(404);
  });

  it("sends the app's headers on every answer: the build's policy plus frame-ancestors", async () => {
    for (const path of ['/', '/profile', '/main.0123abcd.js', '/main.deadbeef.js']) {
      const headers = (await get(path)).headers;
      expect(headers.get('content-security-policy')).withContext(path).toBe(`${POLICY}; frame-ancestors 'none'`);
      expect(headers.get('x-frame-options')).withContext(path).toBe('DENY');
      expect(headers.get('x-content-type-options')).withContext(path).toBe('nosniff');
      expect(headers.get('referrer-policy')).withContext(path).toBe('no-referrer');
      expect(headers.get('x-powered-by')).withContext(path).toBeNull();
    }
  });

  it('refuses a folder that is not a build of this app, with the fix', () => {
    const empty = mkdtempSync(join(tmpdir(), 'serve-dist-spec-empty-'));
    try {
      expect(() => createDistServer(empty)).toThrowError(/is not a production build of this app: run npm run build/);
      writeFileSync(join(empty, 'index.html'), '<!doctype html><title>x</title>');
      expect(() => createDistServer(empty)).toThrowError(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reads the policy from the build's meta", () => {
    expect(bakedPolicy(INDEX)).toBe(POLICY);
    expect(bakedPolicy('<meta name="viewport" content="x">')).toBeUndefined();
  });
});
