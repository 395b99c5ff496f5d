import { personName } from './person-name';

const COLOURS = ['#ff9f0a', '#30d158', '#64d2ff', '#bf5af2', '#ff375f', '#ffd60a'] as const;

/** A steady colour per person, so their avatar and playhead match. */
export function presenceColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

/** The first and last name's first letters: of the name alone, never of a guest's "(guest)" mark. */
export function initials(displayName: string): string {
  const parts = personName(displayName)
    .name.split(/\s+/)
    .map((part) => part.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
