// Type declarations for a lib folder, from the same sources, with the TypeScript compiler itself.
import { mkdirSync } from 'node:fs';
import ts from 'typescript';

export function emitDeclarations(entries: string[], outDir: string, compilerOptions: ts.CompilerOptions): void {
  mkdirSync(outDir, { recursive: true });
  const program = ts.createProgram(entries, {
    ...compilerOptions,
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    outDir,
    rootDir: undefined,
    skipLibCheck: true,
    isolatedModules: false,
  });
  const result = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (problems.length) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => '\n',
    };
    throw new Error(`type declarations for ${entries[0]}:\n${ts.formatDiagnostics(problems, host)}`);
  }
}
