// Every page in the states people meet it in (dev/screenshots/scenes.ts, the list the docs'
// pictures come from), at a desktop and a phone width, in each browser: axe-core finds no
// accessibility violation, nothing scrolls sideways, nothing is cut off at the right edge. And the
// banner belongs to its page.
import { readFileSync } from 'node:fs';
import { openScene, SCENES } from '../dev/screenshots/scenes';
import type { E2ePage } from './support/driver/e2e-page';
import { logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import { forEachBrowser, useStack } from './support/use-stack';

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
async function axeViolations(page: E2ePage): Promise<Finding[]> {
  await page.evaluateScript(AXE);
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
function overflow(page: E2ePage): Promise<{ scrollWidth: number; clipped: string[] }> {
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

describe('screens', () => {
  const running = useStack();

  forEachBrowser(running, (ctx) => {
    // One spec per page and width: each within the time limit on a busy machine, and a failure names its page.
    for (const size of WIDTHS) {
      for (const scene of SCENES) {
        it(`${scene.name} at ${size.name}: no axe violation, no sideways scroll, nothing cut off`, async () => {
          const { stack, browser } = ctx();
          await inContext(browser, async (page) => {
            await page.setViewport(size.width, size.height);
            await openScene(page, stack.appOrigin, scene);
            expect(await axeViolations(page))
              .withContext(`${scene.name} at ${size.name}`)
              .toEqual([]);
            expect(await overflow(page))
              .withContext(`${scene.name} at ${size.name}`)
              .toEqual({ scrollWidth: 0, clipped: [] });
          });
        });
      }
    }

    it("the banner: a refused page's reason is information, and it goes when the visitor follows a link", async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await page.goto(`${stack.appOrigin}/profile`);
        await page.waitForSelector('#authError');
        expect(await page.innerText('#authError')).toBe('Log in to open /profile.');
        expect(await page.getAttribute('#authError', 'data-severity')).toBe('info');
        // As wide as the cards below it.
        const [bannerWidth, cardWidth] = await page.evaluate(() =>
          ['#authError', 'main .card'].map((css) => document.querySelector(css)?.getBoundingClientRect().width),
        );
        expect(cardWidth).toBeGreaterThan(0);
        expect(bannerWidth).toBe(cardWidth);
        await page.click('nav a[href="/api"]');
        await page.waitForURL((url) => url.href === `${stack.appOrigin}/api`);
        expect(await page.count('#authError')).toBe(0);
      });
    });

    it('a logged-out visitor calling a protected route is told to log in, as information', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await page.goto(`${stack.appOrigin}/api`);
        await page.click('#callPrivate');
        const result = '#apiResult .result';
        await page.waitForSelector(result);
        expect(await page.getAttribute(result, 'class')).toContain('result-info');
        expect(await page.innerText(result)).toContain(
          'You are not logged in, so the app sends no access token: log in',
        );
        // And a reader refused write:messages by RBAC hears about roles, not about the request.
        await logIn(page, stack, USERS.reader, '/api');
        await page.goto(`${stack.appOrigin}/api`);
        await page.click('#callAdmin');
        await page.waitForSelector('#apiResult .result-info');
        expect(await page.innerText('#apiResult')).toContain(
          'Your login asked for write:messages and the tenant did not grant it',
        );
      });
    });
  });
});
