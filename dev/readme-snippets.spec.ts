// Fails when a block of the README or docs/add-to-your-app.md marked `<!-- source: path -->` no longer
// matches that file.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isQuotedFrom, quotedBlocks } from './readme-snippets';

const root = resolve(__dirname, '..');

describe('README', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const blocks = quotedBlocks(readme);

  it('quotes source files in marked code blocks', () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  it('quotes every marked block verbatim from the file it names', () => {
    for (const block of blocks) {
      const file = resolve(root, block.path);
      expect(existsSync(file)).withContext(`README line ${block.line}: ${block.path} does not exist`).toBeTrue();
      if (!existsSync(file)) continue;
      expect(isQuotedFrom(block.code, readFileSync(file, 'utf8')))
        .withContext(`README line ${block.line}: the block no longer matches ${block.path}`)
        .toBeTrue();
    }
  });

  it('starts with the two commands', () => {
    const firstCode = readme.slice(0, 1500);
    expect(firstCode).toContain('npm install && npm start');
    expect(firstCode).toContain('npm install && npm test');
  });
});

describe('docs/add-to-your-app.md', () => {
  const page = 'docs/add-to-your-app.md';
  const blocks = quotedBlocks(readFileSync(resolve(root, page), 'utf8'));

  it('quotes source files in marked code blocks, the no-bundler ones from examples/plain-scripts/', () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.filter((block) => block.path.startsWith('examples/plain-scripts/')).length).toBeGreaterThan(4);
  });

  it('quotes every marked block verbatim from the file it names', () => {
    for (const block of blocks) {
      const file = resolve(root, block.path);
      expect(existsSync(file)).withContext(`${page} line ${block.line}: ${block.path} does not exist`).toBeTrue();
      if (!existsSync(file)) continue;
      expect(isQuotedFrom(block.code, readFileSync(file, 'utf8')))
        .withContext(`${page} line ${block.line}: the block no longer matches ${block.path}`)
        .toBeTrue();
    }
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
