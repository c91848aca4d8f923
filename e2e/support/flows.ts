import type { E2ePage } from './driver/e2e-page';
import type { Stack } from './stack';

export const PASSWORD = 'dev-password';
export const USERS = {
  admin: 'admin@example.com',
  reader: 'reader@example.com',
  guest: 'guest@example.com',
} as const;

/** The newcomer's login: Log In in the app, the dev tenant's form, back in the app with a name shown. */
export async function logIn(page: E2ePage, stack: Stack, email: string, startPath = '/'): Promise<void> {
  await page.goto(stack.appOrigin + startPath);
  await page.click('#qsLoginBtn');
  await page.waitForURL((url) => url.origin === stack.tenantOrigin);
  await page.fill('#username', email);
  await page.fill('#password', PASSWORD);
  await page.click('#login-submit');
  await page.waitForURL((url) => url.origin === stack.appOrigin && !url.pathname.startsWith('/callback'));
  await page.waitForSelector('#userName');
}

/** Clicks an API button on /api and returns the text #apiResult shows for that API answer. */
export async function callApi(
  page: E2ePage,
  stack: Stack,
  buttonId: string,
): Promise<{ status: number; text: string }> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${stack.apiOrigin}/api/`) && r.request().method() !== 'OPTIONS'),
    page.click(buttonId),
  ]);
  // The answer has arrived; give AngularJS's digest a moment to render it.
  await page.waitForFunction(() => {
    const text = document.querySelector('#apiResult')?.textContent ?? '';
    return text.trim() !== '' && !/calling|loading/i.test(text);
  });
  return { status: response.status(), text: await page.innerText('#apiResult') };
}

/**
 * Log Out, through the tenant's /v2/logout and back: done when a new document of the app shows Log In.
 * The old document is marked first, because both flows show Log In on it before the browser leaves it,
 * and an element found there is gone a moment later (puppeteer: "Node ... does not belong to the document").
 */
export async function logOut(page: E2ePage, stack: Stack): Promise<void> {
  await page.evaluateScript('window.__beforeLogout = true');
  await page.click('#qsLogoutBtn');
  await page.waitForFunction(
    (appOrigin) =>
      !(window as { __beforeLogout?: boolean }).__beforeLogout &&
      location.origin === appOrigin &&
      document.querySelector('#qsLoginBtn') !== null,
    stack.appOrigin,
  );
  await page.waitForSelector('#qsLoginBtn');
}
