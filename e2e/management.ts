// Both halves of "calling the Management API from the app": the user's own user_metadata from the
// browser with a second access token (the current_user scopes, the most a user's token holds), and
// roles changed through the API's proxy with its own client-credentials token. Each scenario leaves
// the users as it found them: the other scenarios share the stack.
import type { E2ePage } from './support/driver/e2e-page';
import type { E2eRequest } from './support/driver/network';
import { callApi, logIn, USERS } from './support/flows';
import { inContext } from './support/in-context';
import type { Stack } from './support/stack';
import type { StackContext } from './support/use-stack';

function claimsOf(authorization: string | undefined): Record<string, unknown> {
  const jwt = authorization?.replace(/^Bearer /, '') ?? '';
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString() || '{}') as Record<string, unknown>;
}

/** The text #metadataResult shows once it says `pattern`. */
function metadataResult(page: E2ePage, pattern: RegExp): Promise<string> {
  return page.waitForText('#metadataResult', pattern);
}

async function setColor(page: E2ePage, color: string): Promise<string> {
  await page.fill('#favoriteColor', color);
  await page.click('#saveMetadata');
  return metadataResult(page, new RegExp(`Saved: favorite_color is "${color}"`));
}

/** The checkbox of `role` in `email`'s row of #usersTable. */
const roleBox = (email: string, role: string) =>
  `#usersTable tr[data-email="${email}"] input[type="checkbox"][data-role="${role}"]`;

async function changeRole(page: E2ePage, email: string, role: string, give: boolean): Promise<string> {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/users/') && r.request().method() === (give ? 'POST' : 'DELETE')),
    page.setChecked(roleBox(email, role), give),
  ]);
  return page.waitForText('#usersResult', /now has|\d{3}/);
}

const managementAudience = (stack: Stack) => `${stack.tenantOrigin}/api/v2/`;

export function describeManagement(ctx: StackContext): void {
  describe('the Management API: your own metadata from the browser, roles through the API', () => {
    it('reader: changes their favorite color with a Management API token sent to /api/v2/ only, and sees it after a reload', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const patches: E2eRequest[] = [];
        page.onRequest((r) => r.method() === 'PATCH' && patches.push(r));
        await logIn(page, stack, USERS.reader, '/profile');
        expect(await metadataResult(page, /Read: favorite_color is "blue"/)).toContain('200');
        expect(await page.inputValue('#favoriteColor')).toBe('blue');
        expect(await page.innerText('#roles')).toBe('reader');
        try {
          expect(await setColor(page, 'teal')).toContain('200 OK');
          await page.reload();
          await metadataResult(page, /Read: favorite_color is "teal"/);
          expect(await page.inputValue('#favoriteColor')).toBe('teal');
        } finally {
          await setColor(page, 'blue');
        }
        expect(patches.map((r) => r.url())).toEqual([
          `${managementAudience(stack)}users/auth0%7Cdev-reader-0002`,
          `${managementAudience(stack)}users/auth0%7Cdev-reader-0002`,
        ]);
        const claims = claimsOf(patches[0].headers()['authorization']);
        expect(claims['aud']).toBe(managementAudience(stack));
        expect(claims['scope']).toBe('read:current_user update:current_user_metadata');
      });
    });

    it('the thread, reproduced: the id_token, an opaque token, a token that asked for update:users, each answer explained', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.reader, '/management-lab');
        const answers: Record<string, RegExp[]> = {
          idToken: [/401 Unauthorized/, /Sent the id_token\. Auth0: "Invalid token"/, /the id_token was sent/],
          opaque: [
            /400 Bad Request\s+Bearer/,
            /opaque[\s\S]*Auth0: "Bad HTTP authentication header format"/,
            /requested without an audience[\s\S]*audience http:\/\/localhost:\d+\/api\/v2\//,
          ],
          scope: [
            /403 Forbidden\s+insufficient_scope/,
            /asked for openid profile email update:users; the tenant granted "openid profile email"/,
            /Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata/,
            /only the current_user scopes[\s\S]*update:current_user_metadata[\s\S]*client-credentials token/,
          ],
        };
        for (const [mistake, expected] of Object.entries(answers)) {
          await page.click(`#repro-${mistake}`);
          const text = await page.innerText(`[data-mistake="${mistake}"]`);
          for (const pattern of expected) expect(text).withContext(mistake).toMatch(pattern);
        }
        // Nothing was changed by them.
        await page.goto(`${stack.appOrigin}/profile`);
        await metadataResult(page, /Read: favorite_color is "blue"/);
      });
    });

    it('consent_required (Auth0 on localhost, once per audience): the profile offers the login for it, which comes back with the session and API token as they were', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        const audience = managementAudience(stack);
        const silentForManagement = (url: URL) =>
          url.origin === stack.tenantOrigin &&
          url.pathname === '/authorize' &&
          url.searchParams.get('prompt') === 'none' &&
          url.searchParams.get('audience') === audience;
        let asked = 0;
        // The dev tenant never asks for consent: answer the hidden frame as Auth0 does when it would.
        await page.route(silentForManagement, (request) => {
          asked++;
          const url = new URL(request.url());
          const message = {
            type: 'authorization_response',
            response: {
              error: 'consent_required',
              error_description: 'Consent required',
              state: url.searchParams.get('state'),
            },
          };
          const target = new URL(url.searchParams.get('redirect_uri')!).origin;
          return {
            contentType: 'text/html',
            body: `<!doctype html><script>parent.postMessage(${JSON.stringify(message)}, ${JSON.stringify(target)});</script>`,
          };
        });
        await logIn(page, stack, USERS.reader, '/profile');
        const refused = await metadataResult(page, /consent_required/);
        expect(refused).toContain(`No access token for ${audience}. consent_required:`);
        expect(asked).toBe(1);

        const interactive = page.waitForRequest(
          (r) => r.url().startsWith(`${stack.tenantOrigin}/authorize?`) && !r.url().includes('prompt=none'),
        );
        await page.click('#grantManagement');
        const authorize = new URL((await interactive).url());
        expect(authorize.searchParams.get('audience')).toBe(audience);
        expect(authorize.searchParams.get('scope')).toBe('openid read:current_user update:current_user_metadata');

        // Back on the profile: the token from that login reads the metadata, with no other silent request for it.
        await page.waitForURL((url) => url.origin === stack.appOrigin && url.pathname === '/profile');
        await metadataResult(page, /Read: favorite_color is "blue"/);
        expect(asked).toBe(1);
        expect(await page.innerText('#userName')).toBe('Riley Reader');
        expect(await page.count('#authError')).toBe(0);

        await page.goto(`${stack.appOrigin}/api`);
        const sent = page.waitForRequest(
          (r) => r.url() === `${stack.apiOrigin}/api/private-scoped` && r.method() !== 'OPTIONS',
        );
        expect((await callApi(page, stack, '#callPrivateScoped')).status).toBe(200);
        const apiToken = claimsOf((await sent).headers()['authorization']);
        expect(apiToken['aud']).toContain('https://quickstarts/api');
        expect(apiToken['scope']).toBe('openid profile email read:messages');
      });
    });

    it('an admin gives the reader the admin role; the reader has the Admin page after the next silent authentication, until it is taken back', async () => {
      const { stack, browser } = ctx();
      // Two people, each in a private window of their own.
      await inContext(browser, async (readerPage) => {
        await inContext(browser, async (adminPage) => {
          await logIn(readerPage, stack, USERS.reader);
          expect(await readerPage.count('#adminLink')).toBe(0);

          await logIn(adminPage, stack, USERS.admin, '/admin');
          await adminPage.waitForSelector('#usersTable');
          expect(await adminPage.innerText('#usersTable caption')).toContain('roles');
          expect(await adminPage.count('#usersTable tbody tr')).toBe(3);
          expect(await adminPage.isChecked(roleBox(USERS.admin, 'admin'))).toBeTrue();
          expect(await adminPage.isChecked(roleBox(USERS.reader, 'reader'))).toBeTrue();
          expect(await adminPage.isChecked(roleBox(USERS.reader, 'admin'))).toBeFalse();
          expect(await adminPage.getAttribute(roleBox(USERS.reader, 'admin'), 'aria-label')).toBe(
            `admin: ${USERS.reader}`,
          );
          expect(await adminPage.innerText('#admin')).toContain('next login or silent renewal');

          const given = await changeRole(adminPage, USERS.reader, 'admin', true);
          expect(given).toContain(`${USERS.reader} now has admin, reader`);
          try {
            // The reader's tokens keep their scopes until a silent authentication: a reload does one.
            await readerPage.reload();
            await readerPage.waitForSelector('#adminLink');
            await readerPage.click('#adminLink');
            await readerPage.waitForSelector('#usersTable');
            await readerPage.goto(`${stack.appOrigin}/profile`);
            expect(await readerPage.innerText('#roles')).toBe('admin, reader');
          } finally {
            const taken = await changeRole(adminPage, USERS.reader, 'admin', false);
            expect(taken).toContain(`${USERS.reader} now has reader`);
          }
          await readerPage.reload();
          await readerPage.waitForSelector('#userName');
          expect(await readerPage.innerText('#roles')).toBe('reader');
          expect(await readerPage.count('#adminLink')).toBe(0);
        });
      });
    });

    it('reader: GET /api/users from the API page answers 403 insufficient_scope, naming manage:users', async () => {
      const { stack, browser } = ctx();
      await inContext(browser, async (page) => {
        await logIn(page, stack, USERS.reader, '/api');
        const { status, text } = await callApi(page, stack, '#callUsers');
        expect(status).toBe(403);
        expect(text).toMatch(/insufficient_scope[\s\S]*manage:users/);
      });
    });
  });
}
