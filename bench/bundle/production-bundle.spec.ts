// One production build, checked for what must hold of every build: a size budget (deterministic for
// a given lockfile, so it belongs in `npm test`, unlike timings) and no secret of the API's in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_TENANT_CLIENT_ID } from '../../config/load-config';
import {
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
});
