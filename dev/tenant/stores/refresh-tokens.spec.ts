// The refresh token store's bounds: a page or a script that logs in, or rotates, without end must not
// grow the dev tenant without limit, and what is forgotten is refused as unknown, never as reuse.
import { DEFAULT_REFRESH_TOKEN_SETTINGS } from '../model/grant-types';
import { RefreshTokenStore, type RefreshGrant } from './refresh-tokens';

const grant = (userId: string): RefreshGrant => ({
  clientId: 'spa',
  userId,
  audience: 'https://api.test',
  requestedScopes: ['openid', 'offline_access'],
  redirectUri: 'http://localhost:3000/callback',
  sid: 'sid',
  authenticatedAt: new Date(0).toISOString(),
  settings: { ...DEFAULT_REFRESH_TOKEN_SETTINGS, rotationType: 'rotating' },
});

describe('RefreshTokenStore', () => {
  it('keeps at most 2000 families, dropping the oldest first', () => {
    const store = new RefreshTokenStore();
    const first = store.issue(grant('user-0'), 0);
    for (let i = 1; i <= 2000; i++) store.issue(grant(`user-${i}`), i);
    expect(store.size).toBe(2000);
    expect(store.exchange(first, 'spa', 3000)).toEqual({ ok: false, refusal: 'unknown' });
  });

  it('remembers the last 100 tokens of a family: an older one is unknown, and revokes nothing', () => {
    const store = new RefreshTokenStore();
    const first = store.issue(grant('user'), 0);
    let token = first;
    for (let i = 1; i <= 150; i++) {
      const exchanged = store.exchange(token, 'spa', i);
      if (!exchanged.ok || !exchanged.refreshToken) throw new Error(`rotation ${i} failed`);
      token = exchanged.refreshToken;
    }
    expect(store.exchange(first, 'spa', 200)).toEqual({ ok: false, refusal: 'unknown' });
    expect(store.exchange(token, 'spa', 201).ok).toBeTrue();
  });
});
