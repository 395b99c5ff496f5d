import type { Annotation, Comment } from '@cutroom/contracts';
import {
  allowsDropFrame,
  nominalFps,
  parseStartTimecode,
  TimecodeFormat,
  type FrameRate,
} from '@cutroom/timecode';

/** The frames of a version as notes count them, and the timecode its source started at. */
export interface ExportTimeline {
  fpsNum: number;
  fpsDen: number;
  frameCount: number;
  /** The source's start timecode (ffprobe's tmcd track or tag); null starts at 00:00:00:00. */
  startTimecode: string | null;
  dropFrame: boolean;
  width: number | null;
  height: number | null;
}

/** A reply inside a note's thread. */
export interface ExportReply {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

/** A note and its thread, as every format writes it. */
export interface ExportNote {
  id: string;
  /** null for a general note, pinned to no frame. */
  frame: number | null;
  /** Last frame of a range, inclusive; null for a single frame. */
  frameEnd: number | null;
  author: string;
  text: string;
  resolved: boolean;
  internal: boolean;
  tags: string[];
  createdAt: string;
  annotation: Annotation | null;
  replies: ExportReply[];
}

/** Everything an export writes: where the notes come from and the notes themselves. */
export interface ExportDocument {
  project: string;
  cut: string;
  versionNumber: number;
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  /** The version's approval state in words, e.g. "Approved" or "Changes requested"; null if none. */
  approval: string | null;
  timeline: ExportTimeline;
  notes: ExportNote[];
  /** The link to a frame of this version in Cutroom, for reports and spreadsheets. */
  frameLink?: (frame: number) => string;
}

const UNKNOWN_AUTHOR = 'Former member';

/** Comments as the review context lists them (threads, replies after their note) → notes with threads. */
export function notesFromComments(comments: readonly Comment[]): ExportNote[] {
  const notes = new Map<string, ExportNote>();
  for (const comment of comments) {
    if (comment.parentId !== null) continue;
    notes.set(comment.id, {
      id: comment.id,
      frame: comment.frame,
      frameEnd: comment.frameEnd !== null && comment.frameEnd !== comment.frame ? comment.frameEnd : null,
      author: comment.author?.displayName ?? UNKNOWN_AUTHOR,
      text: comment.body,
      resolved: comment.resolved,
      internal: comment.internal,
      tags: comment.hashtags,
      createdAt: comment.createdAt,
      annotation: comment.annotation,
      replies: [],
    });
  }
  for (const comment of comments) {
    const note = comment.parentId === null ? undefined : notes.get(comment.parentId);
    note?.replies.push({
      id: comment.id,
      author: comment.author?.displayName ?? UNKNOWN_AUTHOR,
      text: comment.body,
      createdAt: comment.createdAt,
    });
  }
  return [...notes.values()].sort(byFrame);
}

function byFrame(a: ExportNote, b: ExportNote): number {
  const fa = a.frame ?? -1;
  const fb = b.frame ?? -1;
  return fa !== fb ? fa - fb : a.createdAt.localeCompare(b.createdAt);
}

/** The notes a marker can carry: pinned to a frame. */
export function pinnedNotes(document: ExportDocument): (ExportNote & { frame: number })[] {
  return document.notes.filter((note): note is ExportNote & { frame: number } => note.frame !== null);
}

export function timelineRate(timeline: ExportTimeline): FrameRate {
  return { fpsNum: timeline.fpsNum, fpsDen: timeline.fpsDen };
}

/** Drop-frame only where it exists (29.97, 59.94): a stray flag on another rate is read as non-drop. */
export function usesDropFrame(timeline: ExportTimeline): boolean {
  return timeline.dropFrame && allowsDropFrame(timelineRate(timeline));
}

/** The source's SMPTE labels for the version's frames: frame 0 is its start timecode. */
export function timecodeFormat(timeline: ExportTimeline): TimecodeFormat {
  const rate = timelineRate(timeline);
  const dropFrame = usesDropFrame(timeline);
  return new TimecodeFormat({
    rate,
    dropFrame,
    startFrame: parseStartTimecode(timeline.startTimecode, { rate, dropFrame }),
  });
}

/** Frames a note spans: 1 for a single frame, last − first + 1 for a range. */
export function noteDuration(note: Pick<ExportNote, 'frame' | 'frameEnd'>): number {
  return note.frame === null || note.frameEnd === null ? 1 : note.frameEnd - note.frame + 1;
}

/** A note's text on one line: line breaks and runs of space become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The note and its replies as one line: "note — Ann: reply — Bob: reply". */
export function threadLine(note: ExportNote): string {
  return [oneLine(note.text), ...note.replies.map((r) => `${r.author}: ${oneLine(r.text)}`)].join(' — ');
}

/** At most `max` characters (code points), an ellipsis marking a cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The whole-number timebase labels count in: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
export function nominalOf(timeline: ExportTimeline): number {
  return nominalFps(timelineRate(timeline));
}
