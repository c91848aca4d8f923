// The README quotes source files; a quoted block is marked with `<!-- source: path -->` on the line
// before its fence. This spec fails when a marked block is no longer, verbatim, part of that file.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

export interface QuotedBlock {
  path: string;
  code: string;
  line: number;
}

export function quotedBlocks(markdown: string): QuotedBlock[] {
  const blocks: QuotedBlock[] = [];
  const pattern = /<!-- source: (\S+) -->\n```[^\n]*\n([\s\S]*?)\n```/g;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    blocks.push({ path: match[1]!, code: match[2]!, line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

/** Lines of the block must appear in the file in order and contiguously; `// ...` in the block skips lines. */
export function isQuotedFrom(code: string, source: string): boolean {
  const fileLines = source.split('\n').map((l) => l.trimEnd());
  const parts = code.split(/^\s*(?:\/\/|#) \.\.\.\s*$/m).map((part) => part.split('\n').map((l) => l.trimEnd()).filter((l, i, all) => !(l === '' && (i === 0 || i === all.length - 1))));
  let from = 0;
  for (const part of parts) {
    if (part.length === 0) continue;
    let found = -1;
    for (let i = from; i + part.length <= fileLines.length && found < 0; i++) {
      if (part.every((line, j) => fileLines[i + j] === line)) found = i;
    }
    if (found < 0) return false;
    from = found + part.length;
  }
  return true;
}

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

describe('isQuotedFrom', () => {
  const source = 'a\nb\nc\nd\ne\n';
  it('accepts contiguous lines and `// ...` gaps, rejects changed or reordered lines', () => {
    expect(isQuotedFrom('b\nc', source)).toBeTrue();
    expect(isQuotedFrom('a\n// ...\nd', source)).toBeTrue();
    expect(isQuotedFrom('b\nd', source)).toBeFalse();
    expect(isQuotedFrom('d\n// ...\na', source)).toBeFalse();
    expect(isQuotedFrom('b\nX', source)).toBeFalse();
  });
});
