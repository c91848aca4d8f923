// The app's pages in the states people meet them in: who is logged in, where, and what they did
// there. `npm run screenshots` photographs them for the docs; the screens e2e checks every one for
// accessibility (axe) and layout at desktop and phone widths. One list, so the two cannot drift.

const DEMO_USERS = {
  admin: 'admin@example.com',
  reader: 'reader@example.com',
  guest: 'guest@example.com',
} as const;

/**
 * What a scene does in the browser's tab; the e2e driver's page (e2e/support/driver/e2e-page.ts) is
 * one. Named here, not imported, so that this list stays free of the DOM the driver compiles with.
 */
export interface SceneTab {
  goto(url: string): Promise<void>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Until an element matches and is visible. */
  waitForSelector(selector: string): Promise<void>;
  waitForURL(matches: (url: URL) => boolean): Promise<void>;
}

export interface Scene {
  /** File name in docs/images/ (without .png) when it is photographed, and the e2e's label. */
  name: string;
  /** Logged in as this demo user, or logged out. */
  user: keyof typeof DEMO_USERS | null;
  path: string;
  /** What the person does on the page before it is looked at; resolves once the page shows the result. */
  act?: (page: SceneTab) => Promise<void>;
  /** Taken for the docs (the rest are only checked). */
  photographed?: boolean;
}

/** Clicks an API button and waits until the result shows. */
const call = (buttonId: string) => async (page: SceneTab) => {
  await page.click(buttonId);
  await page.waitForSelector('#apiResult .result');
};

export const SCENES: Scene[] = [
  { name: 'home', user: null, path: '/' },
  { name: 'api-logged-out', user: null, path: '/api', act: call('#callPrivate') },
  {
    name: 'token-logged-out',
    user: null,
    path: '/token',
    act: (p) => p.waitForSelector('#tokenInspector[data-kind="none"]'),
  },
  { name: 'api-reader', user: 'reader', path: '/api', act: call('#callAdmin'), photographed: true },
  {
    name: 'token-reader',
    user: 'reader',
    path: '/token',
    act: (p) => p.waitForSelector('#tokenInspector[data-kind="access_token"] .check-info'),
    photographed: true,
  },
  { name: 'api-admin-users', user: 'admin', path: '/api', act: call('#callUsers') },
  { name: 'profile', user: 'reader', path: '/profile', act: (p) => p.waitForSelector('#metadataResult .result') },
  { name: 'management-lab', user: 'reader', path: '/management-lab' },
  {
    name: 'admin',
    user: 'admin',
    path: '/admin',
    act: (p) => p.waitForSelector('#usersTable'),
    photographed: true,
  },
  {
    name: 'admin-own-role',
    user: 'admin',
    path: '/admin',
    act: async (p) => {
      await p.click(`#usersTable tr[data-email="${DEMO_USERS.admin}"] input[data-role="admin"]`); // stays ticked: it asks first
      await p.waitForSelector('#confirmOwnRole');
    },
  },
];

/** The dev tenant's login as a person does it: Log In, the tenant's form, back in the app. */
async function logIn(page: SceneTab, appOrigin: string, email: string, password = 'dev-password'): Promise<void> {
  await page.goto(`${appOrigin}/`);
  await page.click('#qsLoginBtn');
  await page.waitForURL((url) => url.origin !== appOrigin);
  await page.fill('#username', email);
  await page.fill('#password', password);
  await page.click('#login-submit');
  await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith('/callback'));
  await page.waitForSelector('#userName');
}

/** Opens the scene's page (logging in first when it has a user) and plays what the person does there. */
export async function openScene(page: SceneTab, appOrigin: string, scene: Scene): Promise<void> {
  if (scene.user) await logIn(page, appOrigin, DEMO_USERS[scene.user]);
  await page.goto(appOrigin + scene.path);
  await page.waitForSelector('main .card');
  await scene.act?.(page);
}
