// The plain script existing apps load with a <script> tag (npm run build:lib), minified, without its
// peer libraries: its size against its budget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLib, PLAIN_SCRIPT_GZIP_BUDGET_BYTES, plainScriptSize } from '../../dev/build-lib/build-lib';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function printPlainScriptSize(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quickstart-lib-'));
  try {
    const { client } = await buildLib(join(dir, 'lib'), { declarations: false });
    const size = plainScriptSize(client);
    const within = size.gzip <= PLAIN_SCRIPT_GZIP_BUDGET_BYTES ? 'within' : 'OVER';
    console.log(
      'Plain script for existing apps (npm run build:lib), without angular, auth0-js, angular-auth0, angular-jwt:',
    );
    console.log(
      `  ${'qs-auth.min.js'.padEnd(40)} ${kib(size.raw).padStart(11)} raw ${kib(size.gzip).padStart(10)} gzip  (budget ${kib(PLAIN_SCRIPT_GZIP_BUDGET_BYTES)} gzip: ${within})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
