// The default tenant file's users as the tooling (npm start's banner, npm run token, the doctor)
// still lists them; the tenant itself reads them from dev-tenant.yaml.

export const DEMO_PASSWORD = 'dev-password';

export interface DemoUser {
  /** Auth0-style user id (`<connection>|<id>`), stable so tokens survive tenant restarts. */
  sub: string;
  email: string;
  email_verified: true;
  name: string;
  nickname: string;
  updated_at: string;
  /** API scopes this user may be granted. */
  scopes: readonly string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: 'auth0|dev-admin-0001',
    email: 'admin@example.com',
    email_verified: true,
    name: 'Ada Admin',
    nickname: 'admin',
    updated_at: '2024-01-01T00:00:00.000Z',
    scopes: ['read:messages', 'write:messages'],
  },
  {
    sub: 'auth0|dev-reader-0002',
    email: 'reader@example.com',
    email_verified: true,
    name: 'Riley Reader',
    nickname: 'reader',
    updated_at: '2024-01-01T00:00:00.000Z',
    scopes: ['read:messages'],
  },
  {
    sub: 'auth0|dev-guest-0003',
    email: 'guest@example.com',
    email_verified: true,
    name: 'Gale Guest',
    nickname: 'guest',
    updated_at: '2024-01-01T00:00:00.000Z',
    scopes: [],
  },
];
