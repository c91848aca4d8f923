// Production bundle sizes, raw and gzip, per file and in total, against the budget in docs/developing.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedBuild } from '../../testing/shared-build';

// The product's budget: every .js file of the dev-tenant build, each gzipped at level 9, summed (a chunk
// loaded later counts too). The build stays within it by leaving out library code nothing reaches
// (webpack.config.js), not by cutting explanations; docs/developing.md has the current sizes.
export const JS_GZIP_BUDGET_BYTES = 155 * 1024;

export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
}

export interface BundleSizes {
  files: BundleFile[];
  js: { raw: number; gzip: number };
}

const root = resolve(__dirname, '..', '..');

export interface ProductionBuild {
  outDir: string;
  /** What webpack printed (it names the tenant, client and API it baked in). */
  stdout: string;
  remove(): void;
}

/** Marker M2M credentials set while building, that must never reach the browser (the bundle spec's). */
export const M2M_MARKERS = {
  AUTH0_M2M_CLIENT_ID: 'marker-m2m-client-8e1d2b',
  AUTH0_M2M_CLIENT_SECRET: 'marker-m2m-secret-5f3a9c',
};

/**
 * Runs `webpack --mode production` into a temporary folder (or `outDir`), for the dev tenant
 * (whatever `.env` says) with `extraEnv` on top; under `npm test`, takes its one shared build instead
 * when that was built so.
 */
export function productionBuild(extraEnv: Record<string, string> = {}, outDir?: string): ProductionBuild {
  const env = { AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_AUDIENCE: '', ...extraEnv };
  const shared = outDir ? undefined : sharedBuild(env);
  if (shared) return { outDir: shared.outDir, stdout: shared.stdout, remove: () => undefined }; // npm test removes it
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'quickstart-dist-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const build = spawnSync(resolve(root, 'node_modules/.bin/webpack'), ['--mode', 'production', '--output-path', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (build.status !== 0) {
    remove();
    throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  }
  return { outDir: dir, stdout: build.stdout, remove };
}

/** The sizes of what a production build wrote. */
export function measureBundle(outDir: string): BundleSizes {
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(js|css|html)$/.test(file))
    .sort()
    .map((file) => {
      const content = readFileSync(join(outDir, file));
      return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    });
  const jsFiles = files.filter((f) => f.file.endsWith('.js'));
  return {
    files,
    js: { raw: jsFiles.reduce((sum, f) => sum + f.raw, 0), gzip: jsFiles.reduce((sum, f) => sum + f.gzip, 0) },
  };
}

export function buildAndMeasure(): BundleSizes {
  const build = productionBuild();
  try {
    return measureBundle(build.outDir);
  } finally {
    build.remove();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function printBundleSizes(sizes: BundleSizes): void {
  console.log('Production bundle (npm run build):');
  for (const f of sizes.files)
    console.log(`  ${f.file.padEnd(40)} ${kib(f.raw).padStart(11)} raw ${kib(f.gzip).padStart(10)} gzip`);
  console.log(
    `  ${'all JavaScript'.padEnd(40)} ${kib(sizes.js.raw).padStart(11)} raw ${kib(sizes.js.gzip).padStart(10)} gzip` +
      `  (budget ${kib(JS_GZIP_BUDGET_BYTES)} gzip: ${sizes.js.gzip <= JS_GZIP_BUDGET_BYTES ? 'within' : 'OVER'})`,
  );
}
