import { LIVE_LOG_MAX_ENTRIES } from '@cutroom/contracts';
import {
  LIVE_LOG_MOVES_PER_PERSON,
  LIVE_LOG_REJOIN_WINDOW_MS,
  liveLogWrite,
  sessionLogOf,
} from './live-session-log.js';
import type { StoredLiveLog } from './live-sessions.repository.js';

const V1 = '00000000-0000-4000-8000-000000000001';
const GONE = '00000000-0000-4000-8000-000000000002';
const OLIVE = '00000000-0000-4000-8000-000000000010';
const RITA = '00000000-0000-4000-8000-000000000011';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));

function stored(lines: StoredLiveLog['lines'], leftOut = 0): StoredLiveLog {
  return { startedAt: at(0), now: at(30), leftOut, lines };
}

describe("a live session's log as the cut's activity keeps it", () => {
  it('names its starter, keeps its lines in order, and the frames with notes of versions still there', () => {
    const log = sessionLogOf({
      sessionId: V1,
      log: stored([
        { at: at(0), what: 'started', userId: OLIVE, displayName: 'Olive', guest: false },
        { at: at(1), what: 'joined', userId: RITA, displayName: 'Rita', guest: false },
        { at: at(2), what: 'host', userId: RITA, displayName: 'Rita', guest: false },
      ]),
      notes: [
        { versionId: V1, frame: 40, notes: 1, internalNotes: 2 },
        { versionId: GONE, frame: 12, notes: 3, internalNotes: 0 },
      ],
      versionNumbers: new Map([[V1, 2]]),
    });
    expect(log).toEqual({
      sessionId: V1,
      startedAt: '2026-12-05T10:00:00.000Z',
      endedAt: '2026-12-05T10:30:00.000Z',
      startedBy: { id: OLIVE, displayName: 'Olive' },
      entries: [
        {
          at: '2026-12-05T10:00:00.000Z',
          what: 'started',
          user: { id: OLIVE, displayName: 'Olive', guest: false },
        },
        {
          at: '2026-12-05T10:01:00.000Z',
          what: 'joined',
          user: { id: RITA, displayName: 'Rita', guest: false },
        },
        {
          at: '2026-12-05T10:02:00.000Z',
          what: 'host',
          user: { id: RITA, displayName: 'Rita', guest: false },
        },
      ],
      entriesLeftOut: 0,
      frames: [{ versionId: V1, versionNumber: 2, frame: 40, notes: 1, internalNotes: 2 }],
    });
  });

  it('counts the lines past its bound, and says nobody started it once their account is gone', () => {
    const joins = Array.from({ length: LIVE_LOG_MAX_ENTRIES + 3 }, () => ({
      at: at(1),
      what: 'joined' as const,
      userId: RITA,
      displayName: 'Rita',
      guest: false,
    }));
    const log = sessionLogOf({ sessionId: V1, log: stored(joins, 7), notes: [], versionNumbers: new Map() });
    expect(log.entries).toHaveLength(LIVE_LOG_MAX_ENTRIES);
    expect(log.entriesLeftOut).toBe(10);
    expect(log.startedBy).toBeNull();
  });
});

describe("who joins and leaves, as a live session's log takes it in", () => {
  const t0 = at(5);
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const lastLine = (what: 'joined' | 'left' | 'host', id = '7') => ({ id, what, at: t0 });

  it('someone back within the window never left: their "left" line is taken back, not a "joined" added', () => {
    const person = { latest: lastLine('left', '42'), moves: 2 };
    expect(liveLogWrite('joined', person, later(LIVE_LOG_REJOIN_WINDOW_MS))).toEqual({
      kind: 'withdraw',
      lineId: '42',
    });
  });

  it('someone back after the window, or whose last line is not leaving, joins as a new line', () => {
    expect(
      liveLogWrite('joined', { latest: lastLine('left'), moves: 2 }, later(LIVE_LOG_REJOIN_WINDOW_MS + 1)),
    ).toEqual({
      kind: 'add',
    });
    expect(liveLogWrite('joined', { latest: lastLine('host'), moves: 2 }, later(1000))).toEqual({
      kind: 'add',
    });
    expect(liveLogWrite('joined', { latest: null, moves: 0 }, later(0))).toEqual({ kind: 'add' });
    expect(liveLogWrite('left', { latest: lastLine('joined'), moves: 1 }, later(1000))).toEqual({
      kind: 'add',
    });
  });

  it('a hundred quick rejoins by one person leave two lines of theirs', () => {
    const lines: { id: string; what: 'joined' | 'left'; at: Date }[] = [];
    let counted = 0;
    let clock = t0.getTime();
    for (let cycle = 0; cycle < 100; cycle++)
      for (const what of ['joined', 'left'] as const) {
        clock += 500;
        const person = {
          latest: lines.at(-1) ?? null,
          moves: lines.length,
        };
        const write = liveLogWrite(what, person, new Date(clock));
        if (write.kind === 'withdraw')
          lines.splice(
            lines.findIndex((line) => line.id === write.lineId),
            1,
          );
        else if (write.kind === 'count') counted += 1;
        else lines.push({ id: String(clock), what, at: new Date(clock) });
      }
    expect(lines.map((line) => line.what)).toEqual(['joined', 'left']);
    expect(counted).toBe(0);
  });

  it("past its bound, one person's comings and goings are only counted; the other lines still go in", () => {
    const person = { latest: lastLine('left'), moves: LIVE_LOG_MOVES_PER_PERSON };
    const afterWindow = later(LIVE_LOG_REJOIN_WINDOW_MS + 1);
    expect(liveLogWrite('joined', person, afterWindow)).toEqual({ kind: 'count' });
    expect(liveLogWrite('left', { ...person, latest: lastLine('joined') }, afterWindow)).toEqual({
      kind: 'count',
    });
    expect(liveLogWrite('host', person, afterWindow)).toEqual({ kind: 'add' });
    expect(liveLogWrite('annotator', person, afterWindow)).toEqual({ kind: 'add' });
  });
});
