import { useLayoutEffect, useRef, useState } from 'react';
import { initials, presenceColour } from '../presence/presence-colour';
import { clusterMarkers, describeCluster, type MarkerNote } from './marker-clusters';

/** The track's width in pixels, following resizes (a phone turned, the side column opened). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Under the scrub bar: each note as its author's initials on their colour, a 24 px target that
 * takes the player to the note's frame; notes too close to tell apart share one target. Notes
 * carried over from the previous version are hollow rings labelled with that version, clustered
 * apart from this version's own. The row is there before the first note, so the picture does not
 * move when one arrives.
 */
export function TimelineNotes({
  notes,
  carried = [],
  totalFrames,
  onSeek,
  onPick,
}: {
  notes: readonly MarkerNote[];
  carried?: readonly MarkerNote[];
  totalFrames: number;
  onSeek: (frame: number) => void;
  /** Told which of this version's notes a picked marker stands for (the notes list shows them). */
  onPick?: (noteIds: readonly string[]) => void;
}) {
  const { ref, width } = useWidth();
  const clusters = width > 0 ? clusterMarkers(notes, totalFrames, width) : [];
  const carriedClusters = width > 0 ? clusterMarkers(carried, totalFrames, width) : [];
  return (
    <div className="timeline-notes">
      <div className="timeline-notes-track" ref={ref} role="group" aria-label="Notes on the timeline">
        {carriedClusters.map((cluster) => {
          const [first] = cluster.notes;
          const description = describeCluster(cluster);
          const from = first.from ?? 'the previous version';
          return (
            <button
              key={`carried-${first.id}`}
              type="button"
              className={`timeline-note timeline-note-carried${cluster.notes.every((note) => note.resolved) ? ' timeline-note-resolved' : ''}`}
              data-testid="carried-marker"
              data-frame={cluster.frame}
              data-count={cluster.notes.length}
              title={`From ${from}:\n${description}`}
              aria-label={
                cluster.notes.length > 1
                  ? `${cluster.notes.length} notes from ${from}: ${description}`
                  : `Go to note from ${from} by ${description}`
              }
              style={{
                left: `${cluster.at * 100}%`,
                borderColor: first.author ? presenceColour(first.author.id) : undefined,
              }}
              onClick={() => onSeek(cluster.frame)}
            >
              {cluster.notes.length > 1 ? cluster.notes.length : from}
            </button>
          );
        })}
        {clusters.map((cluster) => {
          const [first] = cluster.notes;
          const many = cluster.notes.length > 1;
          const description = describeCluster(cluster);
          return (
            <button
              key={first.id}
              type="button"
              className={`timeline-note${cluster.notes.every((note) => note.resolved) ? ' timeline-note-resolved' : ''}`}
              data-testid="comment-marker"
              data-frame={cluster.frame}
              data-count={cluster.notes.length}
              data-resolved={cluster.notes.every((note) => note.resolved)}
              title={description}
              aria-label={
                many ? `${cluster.notes.length} notes: ${description}` : `Go to note by ${description}`
              }
              style={{
                left: `${cluster.at * 100}%`,
                background: first.author ? presenceColour(first.author.id) : undefined,
              }}
              onClick={() => {
                onSeek(cluster.frame);
                onPick?.(cluster.notes.map((note) => note.id));
              }}
            >
              {many ? cluster.notes.length : first.author ? initials(first.author.displayName) : '?'}
            </button>
          );
        })}
      </div>
    </div>
  );
}
