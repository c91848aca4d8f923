import { describeTime, formatDuration } from './time';

describe('times for people', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('formats durations', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });

  it('shows a time claim as a date with how long ago or ahead', () => {
    const time = describeTime('exp', now / 1000 + 300, now);
    expect(time.date).toBe(new Date(now + 300_000).toLocaleString());
    expect(time.relative).toBe('in 5 min');
    expect(describeTime('iat', now / 1000 - 120, now).relative).toBe('2 min ago');
  });
});
