import type { CarriedOverList } from '@cutroom/contracts';
import type { MarkerNote } from '../player/marker-clusters';

function firstWords(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60).trimEnd()}…` : line;
}

/**
 * The previous version's notes as timeline markers on this one, each where the frame map put its
 * picture: a note whose shot was cut has no marker, and neither has a general note. Until the map
 * is known (no placement yet) a note stays at its own frame number, as the carried-over list says.
 */
export function carriedMarkers(list: CarriedOverList | undefined): MarkerNote[] {
  if (!list?.fromVersion) return [];
  const from = `v${list.fromVersion.number}`;
  return list.comments.flatMap(({ comment, placement, addressed }) => {
    if (comment.frame === null || placement?.status === 'removed') return [];
    const frame = placement ? placement.frame : comment.frame;
    const end = placement ? placement.frameEnd : comment.frameEnd;
    return [
      {
        id: comment.id,
        frame,
        frameEnd: end !== null && end !== frame ? end : null,
        resolved: addressed !== null,
        author: comment.author,
        label: `${comment.author?.displayName ?? 'Former member'}: ${firstWords(comment.body)}`,
        from,
      },
    ];
  });
}
