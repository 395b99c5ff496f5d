import type { RoundsBoard } from '@cutroom/contracts';
import { isOverdue } from '@cutroom/policy';
import { useEffect, useState } from 'react';

/** setTimeout's longest wait (about 24.8 days); a later moment is waited for in steps. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;

/** The earliest of these due dates still to come after `nowMs`; null when none is. */
export function nextDueMoment(dueTimes: readonly (string | null)[], nowMs: number): number | null {
  let next: number | null = null;
  for (const dueAt of dueTimes) {
    if (dueAt === null) continue;
    const at = Date.parse(dueAt);
    if (at > nowMs && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * The board as it stands at `now`: each row overdue once its date has passed while it is not
 * approved (live decisions change a row's state after the server judged it), and the header's
 * count to match. The board is returned as is when nothing changes.
 */
export function boardAt(board: RoundsBoard, now: Date): RoundsBoard {
  let changed = false;
  const rows = board.rows.map((row) => {
    const overdue = isOverdue(row.dueAt, row.state, now);
    if (overdue === row.overdue) return row;
    changed = true;
    return { ...row, overdue };
  });
  if (!changed) return board;
  return {
    ...board,
    rows,
    header: { ...board.header, overdue: rows.filter((row) => row.overdue).length },
  };
}

/**
 * The time now (ms), read again the moment the next of these due dates passes, so what becomes
 * overdue shows as it does, with no event to say so. `skewMs`: the server's clock ahead of this
 * browser's, so "now" is the server's, as the board was judged.
 */
export function useDueClock(dueTimes: readonly (string | null)[], skewMs = 0): number {
  const [nowMs, setNowMs] = useState(() => Date.now() + skewMs);
  const next = nextDueMoment(dueTimes, nowMs);
  useEffect(() => {
    if (next === null) return undefined;
    // A moment past the date, so the date has passed when the clock is read again.
    const wait = Math.min(LONGEST_WAIT_MS, Math.max(0, next - (Date.now() + skewMs)) + 50);
    const timer = setTimeout(() => setNowMs(Date.now() + skewMs), wait);
    return () => clearTimeout(timer);
  }, [next, skewMs]);
  return nowMs;
}
