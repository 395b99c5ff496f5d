/** A note on the timeline, as the markers row needs it. */
export interface MarkerNote {
  id: string;
  frame: number;
  frameEnd: number | null;
  resolved: boolean;
  author: { id: string; displayName: string } | null;
  /** "Dana Director: Sky is too bright". */
  label: string;
  /** Set for a note carried over from an earlier version ("v3"), placed here by the frame map. */
  from?: string;
}

/** Markers close enough to overlap, shown as one target at the first one's place. */
export interface MarkerCluster<T extends MarkerNote = MarkerNote> {
  /** Left edge of the cluster's centre, as a fraction of the track (0..1). */
  at: number;
  frame: number;
  notes: T[];
}

/**
 * Groups markers whose targets (each `targetPx` wide) would overlap on a track `trackPx` wide:
 * each cluster starts at a marker and takes every later one less than `targetPx` to its right.
 */
export function clusterMarkers<T extends MarkerNote>(
  notes: readonly T[],
  totalFrames: number,
  trackPx: number,
  targetPx = 24,
): MarkerCluster<T>[] {
  const frames = Math.max(1, totalFrames);
  const sorted = [...notes].sort((a, b) => a.frame - b.frame || a.id.localeCompare(b.id));
  const clusters: MarkerCluster<T>[] = [];
  for (const note of sorted) {
    const at = Math.min(1, (note.frame + 0.5) / frames);
    const last = clusters.at(-1);
    if (last && (at - last.at) * trackPx < targetPx) last.notes.push(note);
    else clusters.push({ at, frame: note.frame, notes: [note] });
  }
  return clusters;
}

/** What a cluster says on hover: each note's author and first words. */
export function describeCluster(cluster: MarkerCluster): string {
  return cluster.notes.map((note) => note.label).join('\n');
}

/** A band over the scrub bar covering one note's range, or several overlapping ones merged. */
export interface RangeBand {
  /** The first note's id, stable while the band holds it. */
  id: string;
  frame: number;
  frameEnd: number;
  /** Every note in the band is resolved. */
  resolved: boolean;
  count: number;
}

/**
 * The ranges as bands: one per note while there are at most `mergeAbove` of them; beyond that,
 * ranges that overlap or lie within `gapFrames` of each other share one band, so a cut with
 * thousands of notes draws a few dozen bands instead of hundreds.
 */
export function rangeBands(
  ranges: readonly { id: string; frame: number; frameEnd: number; resolved: boolean }[],
  gapFrames: number,
  mergeAbove = 50,
): RangeBand[] {
  const sorted = [...ranges].sort((a, b) => a.frame - b.frame || a.id.localeCompare(b.id));
  if (sorted.length <= mergeAbove) return sorted.map((range) => ({ ...range, count: 1 }));
  const bands: RangeBand[] = [];
  for (const range of sorted) {
    const last = bands.at(-1);
    if (last && range.frame <= last.frameEnd + gapFrames) {
      last.frameEnd = Math.max(last.frameEnd, range.frameEnd);
      last.resolved &&= range.resolved;
      last.count += 1;
    } else bands.push({ ...range, count: 1 });
  }
  return bands;
}
