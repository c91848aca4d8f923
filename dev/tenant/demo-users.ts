// The dev tenant's users. Their password is printed on the login page and by `npm start`: this
// tenant exists only to let the sample run offline, never to protect anything.
import { sameSecret } from './cookies';

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

export function findUserByEmail(username: string): DemoUser | undefined {
  return DEMO_USERS.find((candidate) => candidate.email === username.trim().toLowerCase());
}

export function passwordMatches(_user: DemoUser, password: string): boolean {
  return sameSecret(password, DEMO_PASSWORD);
}

export function findUserBySub(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

/** The profile as /userinfo and the id_token present it (no internal fields such as scopes). */
export function profileOf(user: DemoUser) {
  return {
    sub: user.sub,
    name: user.name,
    nickname: user.nickname,
    email: user.email,
    email_verified: user.email_verified,
    updated_at: user.updated_at,
  };
}
