// Fails when a block of the docs marked `<!-- source: path -->` no longer matches that file.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { docFiles, isQuotedFrom, quotedBlocks } from './doc-snippets';

const root = resolve(__dirname, '..');

describe('the docs quote the source', () => {
  const docs = docFiles().map((path) => ({ path, blocks: quotedBlocks(readFileSync(resolve(root, path), 'utf8')) }));

  it('covers README.md and every page of docs/', () => {
    expect(docs.map((doc) => doc.path)).toContain('README.md');
    expect(docs.map((doc) => doc.path)).toContain('docs/own-tenant.md');
    expect(docs.flatMap((doc) => doc.blocks).length).toBeGreaterThan(10);
  });

  it('gives existing apps their no-bundler snippets from examples/plain-scripts/', () => {
    const page = docs.find((doc) => doc.path === 'docs/add-to-your-app.md');
    const plain = page?.blocks.filter((block) => block.path.startsWith('examples/plain-scripts/')) ?? [];
    expect(plain.length).toBeGreaterThan(4);
  });

  it('quotes every marked block verbatim from the file it names', () => {
    for (const { path, blocks } of docs) {
      for (const block of blocks) {
        const file = resolve(root, block.path);
        const where = `${path} line ${block.line}`;
        expect(existsSync(file)).withContext(`${where}: ${block.path} does not exist`).toBeTrue();
        if (!existsSync(file)) continue;
        expect(isQuotedFrom(block.code, readFileSync(file, 'utf8')))
          .withContext(`${where}: the block no longer matches ${block.path}`)
          .toBeTrue();
      }
    }
  });

  it('the README starts with the two commands and stays a tutorial', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const firstCode = readme.slice(0, 1000);
    expect(firstCode).toContain('npm install && npm start');
    expect(firstCode).toContain('npm install && npm test');
    expect(readme.split('\n').length).toBeLessThanOrEqual(160);
  });
});

describe('isQuotedFrom', () => {
  const source = 'a\nb\nc\nd\ne\n';
  it('accepts contiguous lines and `// ...` gaps, rejects changed or reordered lines', () => {
    expect(isQuotedFrom('b\nc', source)).toBeTrue();
    expect(isQuotedFrom('a\n// ...\nd', source)).toBeTrue();
    expect(isQuotedFrom('b\nd', source)).toBeFalse();
    expect(isQuotedFrom('d\n// ...\na', source)).toBeFalse();
    expect(isQuotedFrom('b\nX', source)).toBeFalse();
  });

  it('allows an even extra indentation only', () => {
    const indented = 'f() {\n  a();\n    b();\n}\n';
    expect(isQuotedFrom('a();\n  b();', indented)).toBeTrue();
    expect(isQuotedFrom('a();\nb();', indented)).toBeFalse();
  });
});
