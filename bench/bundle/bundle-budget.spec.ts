import { buildAndMeasure, JS_GZIP_BUDGET_BYTES } from './measure-bundle';

// A size budget, not a timing: deterministic for a given lockfile, so it belongs in `npm test`.
describe('production bundle', () => {
  it(`keeps all JavaScript within ${JS_GZIP_BUDGET_BYTES / 1024} KiB gzip, content-hashed`, () => {
    const sizes = buildAndMeasure();
    const js = sizes.files.filter((f) => f.file.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(f.file).toMatch(/\.[0-9a-f]{8,}\.js$/);
    expect(sizes.files.some((f) => f.file === 'index.html')).toBeTrue();
    expect(sizes.js.gzip).toBeLessThanOrEqual(JS_GZIP_BUDGET_BYTES);
  }, 180_000);
});
