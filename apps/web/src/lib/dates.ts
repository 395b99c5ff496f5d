// The one way Cutroom writes a date or a time: relative ("2 min ago") where recency matters,
// absolute ("4 Dec 2026, 18:47") beside it on hover and wherever an exact moment is the point.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The exact moment: "4 Dec 2026, 18:47" (in the reader's locale and time zone). */
export function formatDateTime(iso: string): string {
  return absoluteFormat.format(new Date(iso));
}

/** The day only: "4 Dec 2026". */
export function formatDate(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/**
 * How long ago, in a few words: "just now", "5 min ago", "3 h ago", "yesterday", "4 d ago", then
 * the day. A moment slightly in the future (clocks differ) reads "just now".
 */
export function formatRelative(iso: string, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - Date.parse(iso));
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 2 * DAY) return 'yesterday';
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} d ago`;
  return formatDate(iso);
}

/** How long until `formatRelative` may read differently: re-render then, not every second. */
export function relativeRefreshMs(iso: string, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - Date.parse(iso));
  const step = elapsed < HOUR ? MINUTE : elapsed < DAY ? HOUR : DAY;
  return step - (elapsed % step) + 50;
}
