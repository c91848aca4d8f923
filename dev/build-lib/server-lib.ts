// The Express middleware (server/auth/) as CommonJS and as an ES module, with types.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { emitDeclarations } from './declarations';
import { root, SERVER_PACKAGE } from './lib-packages';

const entry = resolve(root, 'server/auth/index.ts');

export async function buildServerLib(libDir: string, { declarations = true } = {}): Promise<string> {
  const out = join(libDir, SERVER_PACKAGE.folder);
  mkdirSync(out, { recursive: true });
  const common = {
    entryPoints: [entry],
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    // The peers, resolved from the app that installs the folder; node:* are built in.
    packages: 'external' as const,
    logLevel: 'silent' as const,
  };
  await build({ ...common, format: 'cjs', outfile: join(out, 'index.cjs') });
  await build({ ...common, format: 'esm', outfile: join(out, 'index.mjs') });
  if (declarations) {
    emitDeclarations([entry], join(out, 'types'), {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      esModuleInterop: true,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
    });
  }
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(SERVER_PACKAGE.json(), null, 2)}\n`);
  return out;
}
