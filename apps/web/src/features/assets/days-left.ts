const DAY_MS = 24 * 60 * 60 * 1000;

/** "30 days left" … "1 day left", then "erased soon": until the purge erases it. */
export function daysLeft(purgeAt: string, nowMs = Date.now()): string {
  const days = Math.ceil((Date.parse(purgeAt) - nowMs) / DAY_MS);
  if (days < 1) return 'erased soon';
  return `${days} ${days === 1 ? 'day' : 'days'} left`;
}
