import type { Change } from './compare-frames';

const kindNames: Record<Change['kind'], string> = {
  removed: 'cut from B',
  inserted: 'added in B',
  changed: 'replaced in B',
  moved: 'moved in B',
};

function percent(value: number, total: number): string {
  return `${Math.max(0, Math.min(100, (value / Math.max(1, total)) * 100))}%`;
}

/**
 * Under the timeline, on A's frames: stretches B cut (red), shots B added (a green tick where they
 * go in), stretches B replaced with other pictures (violet), stretches B shows elsewhere (amber).
 * Each takes the transport there.
 */
export function ChangesStrip({
  changes,
  totalFrames,
  label,
  onSeek,
}: {
  changes: readonly Change[] | null;
  totalFrames: number;
  label: (frame: number) => string;
  onSeek: (frame: number) => void;
}) {
  return (
    <div className="compare-changes" data-testid="changes-strip">
      <div className="compare-changes-track" role="group" aria-label="Changes from A to B">
        {changes?.map((change) => {
          const what =
            change.kind === 'inserted'
              ? `${change.bFrames} ${change.bFrames === 1 ? 'frame' : 'frames'} ${kindNames.inserted} before ${label(change.from)}`
              : `${change.length} ${change.length === 1 ? 'frame' : 'frames'} ${kindNames[change.kind]} from ${label(change.from)}${change.kind === 'changed' ? ` (by ${change.bFrames})` : ''}`;
          return (
            <button
              key={`${change.kind}-${change.from}`}
              type="button"
              className={`compare-change compare-change-${change.kind}`}
              data-testid="change"
              data-kind={change.kind}
              data-from={change.from}
              title={what}
              aria-label={`Go to ${what}`}
              style={{
                left: percent(change.from, totalFrames),
                width: change.length > 0 ? percent(change.length, totalFrames) : undefined,
              }}
              onClick={() => onSeek(change.from)}
            />
          );
        })}
      </div>
      {changes?.length === 0 && <span className="compare-changes-none">Same pictures in both</span>}
    </div>
  );
}
