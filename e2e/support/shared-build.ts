// `npm test`'s first job: the one production build that the bundle spec (bench/bundle) and the served
// dist/ e2e (dist-stack.ts) both use, built for the dist stack's ports and with the bundle spec's
// marker M2M credentials. Usage: tsx e2e/support/shared-build.ts <folder>
import { M2M_MARKERS, productionBuild } from '../../bench/bundle/measure-bundle';
import { sharedBuildDir, writeSharedBuild } from '../../testing/shared-build';
import { freeStackPorts, stackVariables } from './stack';

async function main(base: string): Promise<void> {
  const build = productionBuild({ ...stackVariables(await freeStackPorts()), ...M2M_MARKERS }, sharedBuildDir(base));
  // Every variable the build set, the defaults productionBuild adds included: a spec that asks for
  // the same (the bundle spec: no tenant, the implicit flow, the markers) finds it here.
  writeSharedBuild(base, build);
  const { env } = build;
  console.log(
    `production build in ${sharedBuildDir(base)}, for ports ${env.APP_PORT}/${env.API_PORT}/${env.DEV_TENANT_PORT}`,
  );
}

const base = process.argv[2];
if (!base) {
  console.error('usage: tsx e2e/support/shared-build.ts <folder>');
  process.exit(2);
}
main(base).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
