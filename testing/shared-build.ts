// One production build for every spec that needs one (the bundle budget, the served dist/ e2e):
// `npm test` builds once, first, and names the folder in QUICKSTART_SHARED_BUILD. A spec uses it only
// if it was built with the variables the spec would have built with; otherwise it builds its own,
// as it does when run alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED_BUILD_VARIABLE = 'QUICKSTART_SHARED_BUILD';

interface SharedBuild {
  /** The build itself (index.html, main.[hash].js...), with nothing else in it. */
  outDir: string;
  /** The variables set for the build, on top of the environment. */
  env: Record<string, string>;
  /** What webpack printed. */
  stdout: string;
  /** The npm packages bundled (webpack's stats). */
  packages: string[];
}

const manifestPath = (base: string) => join(base, 'build.json');

export const sharedBuildDir = (base: string) => join(base, 'dist');

export function writeSharedBuild(base: string, { env, stdout, packages }: Omit<SharedBuild, 'outDir'>): void {
  writeFileSync(manifestPath(base), JSON.stringify({ env, stdout, packages }));
}

/** The shared build, if there is one and it was built with every variable in `required`. */
export function sharedBuild(required: Record<string, string>, env = process.env): SharedBuild | undefined {
  const base = env[SHARED_BUILD_VARIABLE];
  if (!base || !existsSync(manifestPath(base))) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath(base), 'utf8')) as Omit<SharedBuild, 'outDir'>;
  const matches = Object.entries(required).every(([name, value]) => manifest.env[name] === value);
  return matches ? { ...manifest, outDir: sharedBuildDir(base) } : undefined;
}
