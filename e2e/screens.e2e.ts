// Every page in the states people meet it in (dev/screenshots/scenes.ts, the list the docs'
// pictures come from), at a desktop and a phone width: axe-core finds no accessibility violation,
// nothing scrolls sideways, nothing is cut off at the right edge. And the banner belongs to its page.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openScene, SCENES } from '../dev/screenshots/scenes';
import { logIn, USERS } from './support/flows';
import { useStackAndBrowser } from './support/use-stack';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 90_000;

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: '390 px', width: 390, height: 844 },
];
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A and AA rules, run in the page (evaluated, so the app's CSP does not apply). */
async function axeViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    const { violations } = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** What sticks out at the right: the page's own width, and elements whose right edge is past the window. */
function overflow(page: Page): Promise<{ scrollWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    const clipped = Array.from(document.querySelectorAll('button, a, input, h1, .banner, .result'))
      .filter((el) => {
        if (el.closest('.table-scroll')) return false; // wide tables scroll in their own box
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > document.documentElement.clientWidth + 1;
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      );
    return { scrollWidth: document.documentElement.scrollWidth - document.documentElement.clientWidth, clipped };
  });
}

describe('screens in Chromium', () => {
  const ctx = useStackAndBrowser();

  for (const size of WIDTHS) {
    it(`every page at ${size.name}: no axe violation, no sideways scroll, nothing cut off`, async () => {
      const { stack, browser } = ctx();
      for (const scene of SCENES) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
        try {
          const page = await context.newPage();
          await openScene(page, stack.appOrigin, scene);
          expect(await axeViolations(page))
            .withContext(`${scene.name} at ${size.name}`)
            .toEqual([]);
          expect(await overflow(page))
            .withContext(`${scene.name} at ${size.name}`)
            .toEqual({ scrollWidth: 0, clipped: [] });
        } finally {
          await context.close();
        }
      }
    });
  }

  it("the banner: a refused page's reason is information, and it goes when the visitor follows a link", async () => {
    const { stack, browser } = ctx();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.appOrigin}/profile`);
      const banner = page.locator('#authError');
      await banner.waitFor();
      expect(await banner.innerText()).toBe('Log in to open /profile.');
      expect(await banner.getAttribute('data-severity')).toBe('info');
      // As wide as the cards below it.
      const [bannerBox, cardBox] = [await banner.boundingBox(), await page.locator('main .card').first().boundingBox()];
      expect(bannerBox?.width).toBe(cardBox?.width);
      await page.click('nav a[href="/api"]');
      await page.waitForURL(`${stack.appOrigin}/api`);
      expect(await banner.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a logged-out visitor calling a protected route is told to log in, as information', async () => {
    const { stack, browser } = ctx();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.appOrigin}/api`);
      await page.click('#callPrivate');
      const result = page.locator('#apiResult .result');
      await result.waitFor();
      expect(await result.getAttribute('class')).toContain('result-info');
      expect(await result.innerText()).toContain('You are not logged in, so the app sends no access token: log in');
      // And a reader refused write:messages by RBAC hears about roles, not about the request.
      await logIn(page, stack, USERS.reader, '/api');
      await page.goto(`${stack.appOrigin}/api`);
      await page.click('#callAdmin');
      await page.locator('#apiResult .result-info').waitFor();
      expect(await page.locator('#apiResult').innerText()).toContain(
        'Your login asked for write:messages and the tenant did not grant it',
      );
    } finally {
      await context.close();
    }
  });
});
