// The production build of each login flow, checked for what must hold of every build: a size budget
// (deterministic for a given lockfile, so it belongs in `npm test`, unlike timings), one SDK only, and
// no secret of the API's in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_TENANT_CLIENT_ID } from '../../config/load-config';
import {
  CODE_FLOW_JS_GZIP_BUDGET_BYTES,
  JS_GZIP_BUDGET_BYTES,
  M2M_MARKERS,
  measureBundle,
  productionBuild,
  type ProductionBuild,
} from './measure-bundle';

// Marker M2M credentials, set while building: the API's client must never reach the browser.
const { AUTH0_M2M_CLIENT_ID: M2M_CLIENT_ID, AUTH0_M2M_CLIENT_SECRET: M2M_SECRET } = M2M_MARKERS;

describe('the production bundle', () => {
  let build: ProductionBuild;
  beforeAll(() => {
    build = productionBuild(M2M_MARKERS);
  }, 180_000);
  afterAll(() => build?.remove());

  it(`keeps all JavaScript within ${JS_GZIP_BUDGET_BYTES / 1024} KiB gzip, content-hashed`, () => {
    const sizes = measureBundle(build.outDir);
    const js = sizes.files.filter((f) => f.file.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(f.file).toMatch(/\.[0-9a-f]{8,}\.js$/);
    expect(sizes.files.some((f) => f.file === 'index.html')).toBeTrue();
    expect(sizes.js.gzip).toBeLessThanOrEqual(JS_GZIP_BUDGET_BYTES);
  });

  it('carries no AUTH0_M2M_* value, in any file, nor prints one', () => {
    const files = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      statSync(join(build.outDir, file)).isFile(),
    );
    const contents = files.map((file) => ({ file, text: readFileSync(join(build.outDir, file), 'latin1') }));
    // The scan sees the baked configuration: the SPA's client id is there, so a secret would be too.
    expect(contents.some(({ text }) => text.includes(DEV_TENANT_CLIENT_ID))).toBeTrue();
    for (const { file, text } of contents) {
      expect(text.includes(M2M_SECRET)).withContext(`${file} holds AUTH0_M2M_CLIENT_SECRET`).toBeFalse();
      expect(text.includes(M2M_CLIENT_ID)).withContext(`${file} holds AUTH0_M2M_CLIENT_ID`).toBeFalse();
    }
    expect(build.stdout).not.toContain(M2M_SECRET);
  });

  it('carries the implicit flow only: auth0-js and angular-auth0, no auth0-spa-js', () => {
    expect(build.packages).toEqual(jasmine.arrayContaining(['auth0-js', 'angular-auth0', 'angular', 'angular-jwt']));
    expect(build.packages.filter((name) => name.startsWith('@auth0/'))).toEqual([]);
  });
});

describe('the production bundle of the code flow (AUTH_FLOW=code)', () => {
  let build: ProductionBuild;
  beforeAll(() => (build = productionBuild({ AUTH_FLOW: 'code' })), 180_000);
  afterAll(() => build?.remove());

  it(`carries auth0-spa-js and not auth0-js nor angular-auth0, within ${CODE_FLOW_JS_GZIP_BUDGET_BYTES / 1024} KiB gzip`, () => {
    expect(build.packages).toContain('@auth0/auth0-spa-js');
    expect(build.packages).not.toContain('auth0-js');
    expect(build.packages).not.toContain('angular-auth0');
    expect(measureBundle(build.outDir).js.gzip).toBeLessThanOrEqual(CODE_FLOW_JS_GZIP_BUDGET_BYTES);
    expect(build.stdout).toContain('the code flow, tokens in memory');
  });

  it("serves auth0-spa-js's token worker from the app, content-hashed, and its policy allows it from 'self', not blob:", () => {
    const files = readdirSync(build.outDir);
    const worker = files.find((file) => /^auth0-spa-js\.worker\.[0-9a-f]{8}\.js$/.test(file));
    expect(worker).withContext(files.join(', ')).toBeDefined();
    const index = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    expect(index).toContain("worker-src 'self'");
    expect(index).not.toContain('blob:');
    // The bundle names the worker by the URL the build wrote it at.
    const main = files.find((file) => /^main\..*\.js$/.test(file))!;
    expect(readFileSync(join(build.outDir, main), 'utf8')).toContain(`/${worker}`);
  });
});
