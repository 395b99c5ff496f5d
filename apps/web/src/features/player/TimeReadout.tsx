import type { FrameDisplayMode } from '@cutroom/timecode';
import { labelFrame, type Timebase } from './timebase';

export const DISPLAY_MODES: readonly FrameDisplayMode[] = ['timecode', 'frame', 'seconds'];

const modeNames: Record<FrameDisplayMode, string> = {
  timecode: 'timecode',
  frame: 'frame number',
  seconds: 'seconds',
};

export function nextDisplayMode(mode: FrameDisplayMode): FrameDisplayMode {
  return DISPLAY_MODES[(DISPLAY_MODES.indexOf(mode) + 1) % DISPLAY_MODES.length];
}

function Reading({ timebase, frame, mode }: { timebase: Timebase; frame: number; mode: FrameDisplayMode }) {
  const label = labelFrame(timebase, frame, mode);
  if (mode === 'timecode') return <span data-testid="timecode">{label}</span>;
  return (
    <span data-testid={mode === 'frame' ? 'frame-number' : 'seconds'}>
      {mode === 'frame' ? `frame ${label}` : label}
    </span>
  );
}

/**
 * Where the picture is: large in the chosen form (timecode, frame number or seconds), the other
 * two beside it. Clicking (or T) changes which is large.
 */
export function TimeReadout({
  timebase,
  frame,
  lastFrame,
  mode,
  onModeChange,
}: {
  timebase: Timebase;
  frame: number;
  lastFrame: number;
  mode: FrameDisplayMode;
  onModeChange: (mode: FrameDisplayMode) => void;
}) {
  const next = nextDisplayMode(mode);
  return (
    <div className="time-readout">
      <button
        type="button"
        className="time-primary"
        title={`Show ${modeNames[next]} (T)`}
        aria-label={`Position ${labelFrame(timebase, frame, mode)}; show ${modeNames[next]} instead`}
        onClick={() => onModeChange(next)}
      >
        <Reading timebase={timebase} frame={frame} mode={mode} />
        <span className="time-total"> / {labelFrame(timebase, lastFrame, mode)}</span>
      </button>
      <span className="time-secondary">
        {DISPLAY_MODES.filter((other) => other !== mode).map((other) => (
          <Reading key={other} timebase={timebase} frame={frame} mode={other} />
        ))}
      </span>
    </div>
  );
}
