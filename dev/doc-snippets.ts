// The docs (README.md and docs/) quote source files; a quoted block is marked with
// `<!-- source: path -->` on the line before its fence. dev/doc-snippets.spec.ts fails when a marked
// block is no longer, verbatim, part of that file.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** README.md and every Markdown file under docs/, as paths relative to the repository root. */
export function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
    );
  return ['README.md', ...walk(resolve(root, 'docs')).map((file) => relative(root, file))].sort();
}

export interface QuotedBlock {
  path: string;
  code: string;
  line: number;
}

export function quotedBlocks(markdown: string): QuotedBlock[] {
  const blocks: QuotedBlock[] = [];
  // A block inside a list item is indented; the indentation belongs to the Markdown, not the code.
  const pattern = /^( *)<!-- source: (\S+) -->\n\1```[^\n]*\n([\s\S]*?)\n\1```/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    const indent = match[1].length;
    const code = match[3]
      .split('\n')
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join('\n');
    blocks.push({ path: match[2], code, line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

/**
 * Lines of the block must appear in the file in order and contiguously (evenly indented further at
 * most); a `// ...` line in the block skips lines of the file.
 */
export function isQuotedFrom(code: string, source: string): boolean {
  const fileLines = source.split('\n').map((l) => l.trimEnd());
  const parts = code.split(/^\s*(?:\/\/|#) \.\.\.\s*$/m).map((part) =>
    part
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l, i, all) => !(l === '' && (i === 0 || i === all.length - 1))),
  );
  let from = 0;
  for (const part of parts) {
    if (part.length === 0) continue;
    let found = -1;
    for (let i = from; i + part.length <= fileLines.length && found < 0; i++) {
      // The file may indent the quoted lines further (a block quoted out of a function), but evenly.
      const extra = fileLines[i].slice(0, fileLines[i].length - part[0].length);
      if (/^\s*$/.test(extra) && part.every((line, j) => fileLines[i + j] === (line === '' ? '' : extra + line)))
        found = i;
    }
    if (found < 0) return false;
    from = found + part.length;
  }
  return true;
}
