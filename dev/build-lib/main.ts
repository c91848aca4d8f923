// `npm run build:lib`: client/app/auth/ and server/auth/ as packages in lib/ (git-ignored).
import { relative } from 'node:path';
import { buildLib, PLAIN_SCRIPT_GZIP_BUDGET_BYTES, plainScriptSize } from './build-lib';
import { CLIENT_PACKAGE, DEFAULT_LIB_DIR } from './lib-packages';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

buildLib(DEFAULT_LIB_DIR)
  .then(({ client, server }) => {
    const size = plainScriptSize(client);
    console.log(`Built ${relative(process.cwd(), client)}/ and ${relative(process.cwd(), server)}/`);
    console.log(
      `  ${CLIENT_PACKAGE.minifiedScript}: ${kib(size.raw)} raw, ${kib(size.gzip)} gzip (budget ${kib(PLAIN_SCRIPT_GZIP_BUDGET_BYTES)})`,
    );
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
