// Production bundle sizes, raw and gzip, per file and in total, against the budget in docs/developing.md,
// for each login flow (AUTH_FLOW): a build carries one SDK, so each has its size and its budget.
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

/**
 * The code flow's build (AUTH_FLOW=code): auth0-js 10.2 and angular-auth0 out (50.9 KiB gzip
 * minified), auth0-spa-js 2.28 in (61.9 KiB: since 2.12 it bundles @auth0/auth0-auth-js, that is
 * openid-client, oauth4webapi and jose, about 32 KiB, for MFA, passkeys, token exchange and DPoP,
 * which this app never calls and webpack cannot drop from its prebuilt file). Measured 169.2 KiB, its
 * token worker's 2.4 KiB included, against the implicit build's 155.0 KiB: the implicit budget plus
 * that difference, rounded up.
 */
export const CODE_FLOW_JS_GZIP_BUDGET_BYTES = 170 * 1024;

/** The builds `npm run bench` measures: each flow with the environment that selects it, and its budget. */
const FLOW_BUILDS = [
  { name: 'implicit flow (AUTH_FLOW=implicit, the default)', env: {}, budget: JS_GZIP_BUDGET_BYTES },
  { name: 'code flow (AUTH_FLOW=code)', env: { AUTH_FLOW: 'code' }, budget: CODE_FLOW_JS_GZIP_BUDGET_BYTES },
] as const;

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
  /** The npm packages bundled, from webpack's stats: which SDK a build carries. */
  packages: string[];
  /** The variables set for the build, on top of the environment. */
  env: Record<string, string>;
  remove(): void;
}

/** Marker M2M credentials set while building, that must never reach the browser (the bundle spec's). */
export const M2M_MARKERS = {
  AUTH0_M2M_CLIENT_ID: 'marker-m2m-client-8e1d2b',
  AUTH0_M2M_CLIENT_SECRET: 'marker-m2m-secret-5f3a9c',
};

/** Package names of every module in webpack's stats, concatenated modules included. */
function packagesOf(statsFile: string): string[] {
  type Module = { name?: string; modules?: Module[] };
  const names = new Set<string>();
  const visit = (modules: Module[] = []) => {
    for (const module of modules) {
      const found = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module.name ?? '');
      if (found) names.add(found[1]);
      visit(module.modules);
    }
  };
  visit((JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: Module[] }).modules);
  return [...names].sort();
}

/**
 * Runs `webpack --mode production` into a temporary folder (or `outDir`), for the dev tenant
 * (whatever `.env` says) with `extraEnv` on top; under `npm test`, takes its one shared build instead
 * when that was built so.
 */
export function productionBuild(extraEnv: Record<string, string> = {}, outDir?: string): ProductionBuild {
  const env = { AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_AUDIENCE: '', AUTH_FLOW: '', AUTH_CACHE: '', ...extraEnv };
  const shared = outDir ? undefined : sharedBuild(env);
  if (shared) return { ...shared, remove: () => undefined }; // npm test removes it
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'quickstart-dist-'));
  // webpack's stats beside the build, never in it: the build folder holds what a host serves.
  const statsDir = mkdtempSync(join(tmpdir(), 'quickstart-stats-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const build = spawnSync(
    resolve(root, 'node_modules/.bin/webpack'),
    ['--mode', 'production', '--output-path', dir, '--json', join(statsDir, 'stats.json')],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (build.status !== 0) {
    remove();
    rmSync(statsDir, { recursive: true, force: true });
    throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  }
  const packages = packagesOf(join(statsDir, 'stats.json'));
  rmSync(statsDir, { recursive: true, force: true });
  return { outDir: dir, stdout: build.stdout, packages, env, remove };
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

/** Each flow's build, measured. */
export function buildAndMeasure(): { name: string; budget: number; sizes: BundleSizes }[] {
  return FLOW_BUILDS.map(({ name, env, budget }) => {
    const build = productionBuild(env);
    try {
      return { name, budget, sizes: measureBundle(build.outDir) };
    } finally {
      build.remove();
    }
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function printBundleSizes(builds: { name: string; budget: number; sizes: BundleSizes }[]): void {
  builds.forEach(({ name, budget, sizes }, i) => {
    if (i > 0) console.log('');
    printBuild(name, budget, sizes);
  });
}

function printBuild(name: string, budget: number, sizes: BundleSizes): void {
  console.log(`Production bundle (npm run build), ${name}:`);
  for (const f of sizes.files)
    console.log(`  ${f.file.padEnd(40)} ${kib(f.raw).padStart(11)} raw ${kib(f.gzip).padStart(10)} gzip`);
  console.log(
    `  ${'all JavaScript'.padEnd(40)} ${kib(sizes.js.raw).padStart(11)} raw ${kib(sizes.js.gzip).padStart(10)} gzip` +
      `  (budget ${kib(budget)} gzip: ${sizes.js.gzip <= budget ? 'within' : 'OVER'})`,
  );
}
