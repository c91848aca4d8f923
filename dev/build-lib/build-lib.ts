// The library build itself: both folders of lib/ (or another folder, for specs), from the sources
// the app and the API run.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClientLib } from './client-lib';
import { CLIENT_PACKAGE } from './lib-packages';
import { buildServerLib } from './server-lib';

/** The minified plain script's budget, gzip, without its peer libraries. */
export const PLAIN_SCRIPT_GZIP_BUDGET_BYTES = 10 * 1024;

export interface BuiltLib {
  client: string;
  server: string;
}

export async function buildLib(libDir: string, options: { declarations?: boolean } = {}): Promise<BuiltLib> {
  rmSync(libDir, { recursive: true, force: true });
  const [client, server] = await Promise.all([buildClientLib(libDir, options), buildServerLib(libDir, options)]);
  return { client, server };
}

/** The minified plain script's size: raw and gzip (level 9, as bench/bundle measures the app). */
export function plainScriptSize(clientDir: string): { raw: number; gzip: number } {
  const content = readFileSync(join(clientDir, CLIENT_PACKAGE.minifiedScript));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}
