import type { LiveSessionLog } from '@cutroom/contracts';
import { excerptOf } from './activity-excerpt.js';

const NAMED = 3;

/** "With Rita Reviewer, Eddie Editor and 2 others · notes at 3 frames": a live session, in a line of its item. */
export function sessionLine(log: LiveSessionLog): string | null {
  const others = [
    ...new Map(
      log.entries.filter((e) => e.user.id !== log.startedBy?.id).map((e) => [e.user.id, e.user.displayName]),
    ).values(),
  ];
  const named = others.slice(0, NAMED);
  const rest = others.length - named.length;
  const listed = rest > 0 ? [...named, `${rest} other${rest === 1 ? '' : 's'}`] : named;
  const people =
    listed.length === 0
      ? 'Nobody joined'
      : `With ${listed.slice(0, -1).join(', ')}${listed.length > 1 ? ' and ' : ''}${listed.at(-1)}`;
  const frames = log.frames.length;
  const notes = frames === 0 ? 'no notes' : `notes at ${frames} frame${frames === 1 ? '' : 's'}`;
  return excerptOf(`${people} · ${notes}`);
}
