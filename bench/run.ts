// `npm run bench`: the API's protected/public throughput ratio and the production bundle sizes.
// Ratios are measured side by side in one run on this machine; absolute numbers vary between runs.
import { cpus } from 'node:os';
import { runApiBench } from './api/run-api-bench';
import { buildAndMeasure, printBundleSizes } from './bundle/measure-bundle';
import { printPlainScriptSize } from './bundle/measure-plain-script';

async function main(): Promise<void> {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
  await runApiBench();
  console.log('');
  printBundleSizes(buildAndMeasure());
  console.log('');
  await printPlainScriptSize();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
