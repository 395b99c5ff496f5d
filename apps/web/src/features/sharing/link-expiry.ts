/** How long a new review link lives: never, a set number of days, or until the end of a chosen day. */
export type LinkLifetime =
  { kind: 'never' } | { kind: 'days'; days: number } | { kind: 'until'; date: string };

export const LIFETIME_CHOICES = [
  { value: 'never', label: 'Never expires' },
  { value: '1', label: 'Expires in 1 day' },
  { value: '7', label: 'Expires in 7 days' },
  { value: '30', label: 'Expires in 30 days' },
  { value: 'until', label: 'Expires after a date…' },
] as const;

/**
 * The expiry to send for a lifetime, as an ISO instant; undefined for never. A date means the end of
 * that day where the person is; null when the date is missing or not a real date.
 */
export function expiryFor(lifetime: LinkLifetime, now: Date): string | undefined | null {
  if (lifetime.kind === 'never') return undefined;
  if (lifetime.kind === 'days') return new Date(now.getTime() + lifetime.days * 86_400_000).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lifetime.date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const endOfDay = new Date(year, month, day, 23, 59, 59, 999);
  if (endOfDay.getFullYear() !== year || endOfDay.getMonth() !== month || endOfDay.getDate() !== day)
    return null;
  return endOfDay.toISOString();
}
