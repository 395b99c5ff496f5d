import { frameToSeconds, type FrameDisplayMode } from '@cutroom/timecode';
import { useRef, useState, type PointerEvent } from 'react';
import type { FrameRange } from './loop-range';
import { rangeBands, type MarkerNote } from './marker-clusters';
import { storyboardCueAt, type StoryboardCue } from './storyboard';
import { labelFrame, type Timebase } from './timebase';
import { Waveform } from './Waveform';
// The whole player's sheet: every player has a timeline.
import './player.css';
import './timeline-marks.css';

/** A note on the timeline: its author's target below the bar (TimelineNotes), and a band over its range. */
export type TimelineMarker = MarkerNote;

/** Where someone else in the room is. */
export interface TimelinePlayhead {
  id: string;
  frame: number;
  label: string;
  colour: string;
}

interface TimelineProps {
  frame: number;
  /** Frames in the whole version. */
  totalFrames: number;
  /** Frames playable so far while the version is still being processed; null when all are. */
  availableFrames: number | null;
  timebase: Timebase;
  mode: FrameDisplayMode;
  storyboard: readonly StoryboardCue[] | undefined;
  waveform: readonly number[] | null | undefined;
  onSeek: (frame: number) => void;
  markers?: readonly TimelineMarker[];
  playheads?: readonly TimelinePlayhead[];
  loop?: FrameRange | null;
  /** Whose loop it is when not mine (a live session's host). */
  loopBy?: string;
}

function percent(value: number, total: number): string {
  return `${Math.max(0, Math.min(100, (value / Math.max(1, total)) * 100))}%`;
}

/** Scrub bar: click or drag to seek, hover for a storyboard thumbnail, the waveform beneath. */
export function Timeline({
  frame,
  totalFrames,
  availableFrames,
  timebase,
  mode,
  storyboard,
  waveform,
  onSeek,
  markers = [],
  playheads = [],
  loop = null,
  loopBy,
}: TimelineProps) {
  const [hover, setHover] = useState<{ x: number; frame: number } | null>(null);
  const scrubbing = useRef<{ lastFrame: number } | null>(null);
  const lastFrame = Math.max(0, totalFrames - 1);

  const trackRef = useRef<HTMLDivElement>(null);

  /** The frame under the pointer, measured on the track itself (the timeline box is padded). */
  function frameAtPointer(event: PointerEvent<HTMLDivElement>): { x: number; frame: number } {
    const box = event.currentTarget.getBoundingClientRect();
    const track = trackRef.current?.getBoundingClientRect() ?? box;
    const along = Math.max(0, Math.min(track.width, event.clientX - track.left));
    const frame = Math.min(lastFrame, Math.floor((along / Math.max(1, track.width)) * totalFrames));
    return { x: track.left - box.left + along, frame };
  }

  function seekTo(target: number) {
    if (scrubbing.current?.lastFrame === target) return;
    scrubbing.current = { lastFrame: target };
    onSeek(target);
  }

  const hoverCue =
    hover && storyboard ? storyboardCueAt(storyboard, frameToSeconds(hover.frame, timebase.rate)) : undefined;

  return (
    <div
      className="timeline"
      role="slider"
      tabIndex={0}
      aria-label="Timeline"
      aria-valuemin={0}
      aria-valuemax={lastFrame}
      aria-valuenow={frame}
      aria-valuetext={labelFrame(timebase, frame, 'timecode')}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        scrubbing.current = { lastFrame: -1 };
        seekTo(frameAtPointer(event).frame);
      }}
      onPointerMove={(event) => {
        const at = frameAtPointer(event);
        setHover(at);
        if (scrubbing.current) seekTo(at.frame);
      }}
      onPointerUp={(event) => {
        event.currentTarget.releasePointerCapture(event.pointerId);
        scrubbing.current = null;
      }}
      onPointerCancel={() => {
        scrubbing.current = null;
      }}
      onPointerLeave={() => setHover(null)}
    >
      <div className="timeline-track" ref={trackRef} data-testid="timeline-track">
        {availableFrames !== null && (
          <div className="timeline-available" style={{ width: percent(availableFrames, totalFrames) }} />
        )}
        <div className="timeline-played" style={{ width: percent(frame + 0.5, totalFrames) }} />
      </div>
      {waveform && waveform.length > 0 && <Waveform peaks={waveform} />}
      <div className="timeline-marks" aria-hidden="true">
        {loop && (
          <div
            className={`timeline-loop${loopBy ? ' timeline-loop-shared' : ''}`}
            data-testid="loop-range"
            data-by={loopBy}
            data-from={loop.from}
            data-to={loop.to}
            title={loopBy ? `${loopBy}'s loop` : undefined}
            style={{
              left: percent(loop.from, totalFrames),
              width: percent(loop.to - loop.from + 1, totalFrames),
            }}
          />
        )}
        {rangeBands(
          markers.flatMap((marker) =>
            marker.frameEnd === null ? [] : [{ ...marker, frameEnd: marker.frameEnd }],
          ),
          // Ranges closer than about a pixel of a wide bar share a band.
          Math.ceil(totalFrames / 1500),
        ).map((band) => (
          <span
            key={band.id}
            className={`timeline-marker-range${band.resolved ? ' timeline-marker-resolved' : ''}`}
            data-testid="comment-range"
            data-frame={band.frame}
            data-frame-end={band.frameEnd}
            data-count={band.count}
            style={{
              left: percent(band.frame, totalFrames),
              width: percent(band.frameEnd - band.frame + 1, totalFrames),
            }}
          />
        ))}
        {playheads.map((playhead) => (
          <span
            key={playhead.id}
            className="timeline-peer"
            data-testid="peer-playhead"
            data-frame={playhead.frame}
            title={playhead.label}
            style={{ left: percent(playhead.frame + 0.5, totalFrames), background: playhead.colour }}
          />
        ))}
        <div className="timeline-playhead" style={{ left: percent(frame + 0.5, totalFrames) }} />
      </div>
      {hover && (
        <div className="timeline-preview" style={{ left: hover.x }} aria-hidden="true">
          {hoverCue && (
            <span
              className="timeline-thumbnail"
              style={{
                width: hoverCue.width,
                height: hoverCue.height,
                backgroundImage: `url("${hoverCue.url}")`,
                backgroundPosition: `-${hoverCue.x}px -${hoverCue.y}px`,
              }}
            />
          )}
          <span className="timeline-preview-label">{labelFrame(timebase, hover.frame, mode)}</span>
        </div>
      )}
    </div>
  );
}
