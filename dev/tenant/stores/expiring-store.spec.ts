import { ExpiringStore } from './expiring-store';

describe('ExpiringStore', () => {
  it('forgets entries after their lifetime', () => {
    let now = 1000;
    const store = new ExpiringStore<string>(500, 10, () => now);
    store.set('a', 'A');
    expect(store.get('a')).toBe('A');
    now = 1499;
    expect(store.get('a')).toBe('A');
    now = 1500;
    expect(store.get('a')).toBeUndefined();
  });

  it('never holds more than its bound, dropping the oldest first', () => {
    const store = new ExpiringStore<number>(60_000, 3);
    for (let i = 0; i < 10; i++) store.set(`k${i}`, i);
    expect(store.size).toBe(3);
    expect(store.get('k6')).toBeUndefined();
    expect(store.get('k9')).toBe(9);
    expect(store.get('k7')).toBe(7);
  });
});
