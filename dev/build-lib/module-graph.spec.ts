// The copyable AngularJS folder is copied and built as a unit: it imports only itself and its
// libraries, and its files form no import cycle (type-only imports included), so that each file can
// be read, tested and bundled on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const authDir = resolve(__dirname, '../../client/app/auth');
const LIBRARIES = ['angular', 'angular-auth0', 'angular-jwt', 'auth0-js'];

function importsOf(file: string): string[] {
  const source = readFileSync(join(authDir, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
}

describe('client/app/auth/', () => {
  const files = readdirSync(authDir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'),
  );
  const graph = new Map(files.map((file) => [file.replace(/\.ts$/, ''), importsOf(file)]));

  it('imports nothing from outside the folder but its libraries', () => {
    for (const [file, imports] of graph) {
      for (const target of imports) {
        expect(target.startsWith('./') || LIBRARIES.includes(target))
          .withContext(`${file}.ts imports ${target}`)
          .toBeTrue();
      }
    }
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      for (const target of graph.get(file) ?? []) {
        if (target.startsWith('./')) visit(target.slice(2), [...path, file]);
      }
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
