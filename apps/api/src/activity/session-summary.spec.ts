import type { LiveSessionLog } from '@cutroom/contracts';
import { sessionLine } from './session-summary.js';

const AT = '2026-12-05T10:00:00.000Z';
const VERSION = '00000000-0000-4000-8000-000000000002';
const person = (n: number, name: string) => ({
  id: `00000000-0000-4000-8000-00000000001${n}`,
  displayName: name,
  guest: false,
});
const olive = person(0, 'Olive Owner');

function logWith(names: string[], frames: number): LiveSessionLog {
  const people = names.map((name, i) => person(i + 1, name));
  return {
    sessionId: VERSION,
    startedAt: AT,
    endedAt: AT,
    startedBy: { id: olive.id, displayName: olive.displayName },
    entries: [
      { at: AT, what: 'started', user: olive },
      ...people.flatMap((user) => [
        { at: AT, what: 'joined' as const, user },
        { at: AT, what: 'left' as const, user },
      ]),
      { at: AT, what: 'left', user: olive },
    ],
    entriesLeftOut: 0,
    frames: Array.from({ length: frames }, (_, frame) => ({
      versionId: VERSION,
      versionNumber: 1,
      frame,
      notes: 1,
    })),
  };
}

describe("a live session's line in the activity feed", () => {
  it('names who joined the starter, each once, and counts the frames with notes', () => {
    expect(sessionLine(logWith(['Rita Reviewer'], 1))).toBe('With Rita Reviewer · notes at 1 frame');
    expect(sessionLine(logWith(['Rita Reviewer', 'Eddie Editor'], 3))).toBe(
      'With Rita Reviewer and Eddie Editor · notes at 3 frames',
    );
  });

  it('names three and counts the rest', () => {
    expect(sessionLine(logWith(['Ann', 'Bo', 'Cy', 'Di', 'Ed'], 0))).toBe(
      'With Ann, Bo, Cy and 2 others · no notes',
    );
    expect(sessionLine(logWith(['Ann', 'Bo', 'Cy', 'Di'], 0))).toBe(
      'With Ann, Bo, Cy and 1 other · no notes',
    );
  });

  it('a session nobody joined says so', () => {
    expect(sessionLine(logWith([], 2))).toBe('Nobody joined · notes at 2 frames');
  });
});
