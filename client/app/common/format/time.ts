// Times as people read them: a date and how long ago or ahead, never a bare epoch number.

/** "1 h 5 min", "42 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${min} min` : `${min} min`;
}

/** The JWT time claims (seconds since the epoch), in the order they happen. */
export const TIME_CLAIMS = ['auth_time', 'iat', 'nbf', 'exp'];

export interface TimeClaim {
  name: string;
  date: string;
  relative: string;
}

/** A time claim's value (seconds) as a local date plus "in 5 min" / "2 min ago". */
export function describeTime(name: string, seconds: number, now: number = Date.now()): TimeClaim {
  const at = seconds * 1000;
  return {
    name,
    date: new Date(at).toLocaleString(),
    relative: at > now ? `in ${formatDuration(at - now)}` : `${formatDuration(now - at)} ago`,
  };
}
