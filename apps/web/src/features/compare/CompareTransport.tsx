import type { PlaybackEngine } from '../player/playback-engine';
import { TransportButtons } from '../player/TransportButtons';

/** The bar under the compare timeline: A's transport (B follows), both positions, changes, help. */
export function CompareTransport({
  engine,
  playing,
  aLabel,
  bLabel,
  hasChanges,
  jumpToChange,
  helpOpen,
  onToggleHelp,
  onCycleMode,
  followingHost,
}: {
  engine: PlaybackEngine<HTMLVideoElement>;
  playing: boolean;
  aLabel: string;
  /** Null when B has no frame for A's picture. */
  bLabel: string | null;
  hasChanges: boolean;
  jumpToChange: (direction: 1 | -1) => void;
  helpOpen: boolean;
  onToggleHelp: () => void;
  onCycleMode: () => void;
  /** Following a live session's host: A's transport and the change jumps are the host's. */
  followingHost: boolean;
}) {
  return (
    <div className="player-controls compare-controls">
      <TransportButtons engine={engine} playing={playing} followingHost={followingHost} />
      <button
        type="button"
        className="time-primary"
        data-testid="compare-time-a"
        title="Show timecode, frame number or seconds (T)"
        onClick={onCycleMode}
      >
        A {aLabel}
      </button>
      <span className="compare-time-b" data-testid="compare-time-b">
        B {bLabel ?? '—'}
      </span>
      <span className="player-spacer" />
      {hasChanges && !followingHost && (
        <>
          <button
            type="button"
            className="button button-small button-ghost"
            title="Previous change (Shift+N)"
            onClick={() => jumpToChange(-1)}
          >
            ◀ Change
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            title="Next change (N)"
            onClick={() => jumpToChange(1)}
          >
            Change ▶
          </button>
        </>
      )}
      <button
        type="button"
        className="player-button"
        aria-label="Keyboard shortcuts"
        aria-expanded={helpOpen}
        onClick={onToggleHelp}
      >
        ?
      </button>
    </div>
  );
}
