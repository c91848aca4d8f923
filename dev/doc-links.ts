// The docs' relative links and #anchors, read from the Markdown as GitHub renders it, so that
// dev/doc-links.spec.ts can resolve each one against the files and their headings.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export interface DocLink {
  /** As written, e.g. `docs/own-tenant.md#optional` or `#see-them-for-yourself`. */
  target: string;
  line: number;
}

/** The Markdown without fenced code blocks and inline code (links there are not links), line numbers kept. */
function prose(markdown: string): string {
  return markdown
    .replace(/^( *)```[\s\S]*?^\1```/gm, (block) => block.replace(/[^\n]/g, ''))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

/** Every `[text](target)` and `![alt](target)` that is not a URL with a scheme. */
export function relativeLinks(markdown: string): DocLink[] {
  const text = prose(markdown);
  const links: DocLink[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    links.push({ target, line: text.slice(0, match.index).split('\n').length });
  }
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const text = prose(markdown);
  const lines = markdown.split('\n');
  return [...text.matchAll(/^#{1,6} +(.+?) *#* *$/gm)].map((match) => {
    // The heading as rendered: inline code was blanked above, so read it from the original line.
    const line = lines[text.slice(0, match.index).split('\n').length - 1];
    const heading = line.replace(/^#{1,6} +/, '').replace(/ *#* *$/, '');
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count ? `${slug}-${count}` : slug;
  });
}

/** Why `link`, in the doc at `docPath` (relative to `root`), does not resolve; null when it does. */
export function brokenLink(root: string, docPath: string, link: DocLink): string | null {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const file = path ? resolve(root, dirname(docPath), decodeURIComponent(path)) : resolve(root, docPath);
  if (!file.startsWith(root)) return `${link.target} points outside the repository`;
  if (!existsSync(file)) return `${link.target}: no file ${relative(root, file)}`;
  if (anchor === undefined) return null;
  if (statSync(file).isDirectory() || !file.endsWith('.md'))
    return `${link.target}: an anchor in a file that is not Markdown`;
  const anchors = headingAnchors(readFileSync(file, 'utf8'));
  return anchors.includes(anchor) ? null : `${link.target}: no heading #${anchor} in ${relative(root, file)}`;
}
