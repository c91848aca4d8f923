// .env.example lists every variable the configuration reads, each under a comment saying what it is.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

describe('.env.example', () => {
  const example = readFileSync(resolve(root, '.env.example'), 'utf8').split('\n');
  const read = readdirSync(resolve(root, 'config'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .flatMap((file) => [
      ...readFileSync(resolve(root, 'config', file), 'utf8').matchAll(
        /\bread(?:Port|Integer)?\(\s*env,\s*'([A-Z0-9_]+)'/g,
      ),
    ])
    .map((match) => match[1]);

  it('names every variable the configuration reads, commented', () => {
    expect(read.length).toBeGreaterThan(10);
    for (const name of new Set(read)) {
      const at = example.findIndex((line) => line.startsWith(`# ${name}=`));
      expect(at).withContext(`${name} is not in .env.example`).toBeGreaterThan(0);
      expect(example[at - 1])
        .withContext(`${name} has no comment above it`)
        .toMatch(/^# /);
    }
  });
});
