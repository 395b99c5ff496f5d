import { z } from 'zod';

/** The offsets places on Earth use: from UTC−12:00 to UTC+14:00. */
const OFFSET_MIN_MINUTES = -12 * 60;
const OFFSET_MAX_MINUTES = 14 * 60;

function offsetMinutes(value: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (!match) return 0; // Z
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A moment someone sends us (a round's due date, a link's expiry): ISO 8601 with `Z` or an offset
 * a place uses, read as the UTC ISO string the API stores and answers with, so the database never
 * sees the caller's offset.
 */
export function instantInput(message = 'must be a date and time, e.g. 2027-03-01T17:00:00Z') {
  return z.iso
    .datetime({ offset: true, message })
    .refine((value) => {
      const offset = offsetMinutes(value);
      return offset >= OFFSET_MIN_MINUTES && offset <= OFFSET_MAX_MINUTES;
    }, 'must have a time-zone offset between -12:00 and +14:00')
    .transform((value) => new Date(value).toISOString());
}
