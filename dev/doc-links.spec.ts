// Every relative link and #anchor in README.md and docs/ resolves: to a file of the repository, and
// to a heading of it as GitHub names its anchors.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brokenLink, headingAnchors, relativeLinks } from './doc-links';
import { docFiles } from './doc-snippets';
import { SCENES } from './screenshots/scenes';

const root = resolve(__dirname, '..');

describe('the links of the docs', () => {
  it('resolve, every one, to a file and a heading', () => {
    let checked = 0;
    for (const path of docFiles()) {
      for (const link of relativeLinks(readFileSync(resolve(root, path), 'utf8'))) {
        checked++;
        expect(brokenLink(root, path, link))
          .withContext(`${path} line ${link.line}`)
          .toBeNull();
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('names anchors as GitHub does, and finds what is broken', () => {
    const page = [
      '# Title',
      "## The profile's second token: `audienceTokens`",
      '## Serving `dist/`',
      '## Notes',
      '## Notes',
      '```md',
      '## not a heading',
      '[not a link](nowhere.md)',
      '```',
      'See [this](#notes-1), [that](missing.md), [a page](README.md#nope), `[code](x.md)` and [a site](https://example.com).',
    ].join('\n');
    expect(headingAnchors(page)).toEqual([
      'title',
      'the-profiles-second-token-audiencetokens',
      'serving-dist',
      'notes',
      'notes-1',
    ]);
    const links = relativeLinks(page);
    expect(links.map((link) => link.target)).toEqual(['#notes-1', 'missing.md', 'README.md#nope']);
    expect(links.map((link) => link.line)).toEqual([10, 10, 10]);
    expect(brokenLink(root, 'README.md', links[1])).toBe('missing.md: no file missing.md');
    expect(brokenLink(root, 'README.md', links[2])).toBe('README.md#nope: no heading #nope in README.md');
    expect(brokenLink(root, 'docs/x.md', { target: '../../etc/passwd', line: 1 })).toContain('outside the repository');
  });

  it('show the pictures npm run screenshots takes, and only those', () => {
    const pictures = readdirSync(resolve(root, 'docs/images')).sort();
    const photographed = SCENES.filter((scene) => scene.photographed).map((scene) => `${scene.name}.png`);
    expect(pictures).toEqual(photographed.sort());
    const shown = docFiles().flatMap((path) =>
      relativeLinks(readFileSync(resolve(root, path), 'utf8')).map((link) => link.target.split('/').pop()),
    );
    for (const picture of pictures) expect(shown).withContext(picture).toContain(picture);
  });
});
