import { ACTIVITY_EXCERPT_MAX } from '@cutroom/contracts';

// Control characters and the bidirectional overrides that could make a line read backwards.
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A comment or note as one line of plain text, at most `max` characters: whitespace collapsed,
 * cut between whole characters (an emoji is never split), at a word break when one is near, and
 * ended with "…" when shortened. Null when nothing printable is left.
 */
export function excerptOf(text: string | null | undefined, max = ACTIVITY_EXCERPT_MAX): string | null {
  if (!text) return null;
  const line = text.replace(UNPRINTABLE, ' ').replace(/\s+/gu, ' ').trim();
  if (!line) return null;
  if (line.length <= max) return line;
  let kept = '';
  for (const { segment } of graphemes.segment(line)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace >= max * 0.7) kept = kept.slice(0, lastSpace);
  return `${kept.trimEnd()}…`;
}
