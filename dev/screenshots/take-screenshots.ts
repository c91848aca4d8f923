// `npm run screenshots`: the docs' pictures, taken from the real app. Starts `npm start` on free
// ports with a temporary dev tenant data folder (the demo users as the tenant file has them), as the
// e2e scenarios do, drives Debian's Chromium through the scenes marked `photographed` with the e2e
// driver, and writes docs/images/<name>.png. One browser is enough: the pictures show the app, not it.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../e2e/support/browser';
import { startStack } from '../../e2e/support/stack';
import { openScene, SCENES } from './scenes';

const root = resolve(__dirname, '..', '..');
const out = resolve(root, 'docs', 'images');

async function main(): Promise<void> {
  const stack = await startStack();
  try {
    const browser = await launchBrowser('chromium');
    try {
      for (const scene of SCENES.filter((s) => s.photographed)) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.setViewport(1000, 640);
        await openScene(page, stack.appOrigin, scene);
        const file = join(out, `${scene.name}.png`);
        writeFileSync(file, await page.screenshot());
        console.log(`wrote ${file.slice(root.length + 1)}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
