import type { CompareLayout } from '@cutroom/contracts';
import type { Alignment } from './compare-frames';

export type { CompareLayout };

const layouts: ReadonlyArray<[CompareLayout, string]> = [
  ['side', 'Side by side'],
  ['wipe', 'Wipe'],
  ['overlay', 'Overlay'],
  ['difference', 'Difference'],
];

export interface CompareSettings {
  layout: CompareLayout;
  alignment: Alignment;
  audio: 'a' | 'b';
  swapped: boolean;
}

/**
 * How the two pictures are shown and lined up, and whose sound plays. Following a live session, the
 * host chooses the layout, the lining up and the flip (`locked`); the sound stays each one's own.
 */
export function CompareToolbar({
  settings,
  onChange,
  locked = false,
}: {
  settings: CompareSettings;
  onChange: (change: Partial<CompareSettings>) => void;
  locked?: boolean;
}) {
  const { layout, alignment, audio, swapped } = settings;
  return (
    <div className="compare-toolbar">
      <div className="compare-layouts" role="radiogroup" aria-label="Layout">
        {layouts.map(([value, name]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={layout === value}
            disabled={locked}
            className={`button button-small${layout === value ? '' : ' button-ghost'}`}
            onClick={() => onChange({ layout: value })}
          >
            {name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button button-small button-ghost"
        aria-pressed={swapped}
        disabled={locked}
        title="Flip A and B (B)"
        onClick={() => onChange({ swapped: !swapped })}
      >
        ⇄ Flip A/B
      </button>
      <label className="compare-field">
        Line up
        <select
          value={alignment.kind}
          disabled={locked}
          onChange={(event) =>
            onChange({
              alignment: event.target.value === 'map' ? { kind: 'map' } : { kind: 'offset', offset: 0 },
            })
          }
        >
          <option value="map">By picture</option>
          <option value="offset">By frame number</option>
        </select>
      </label>
      {alignment.kind === 'offset' && (
        <label className="compare-field">
          B offset (frames)
          <input
            type="number"
            step={1}
            value={alignment.offset}
            disabled={locked}
            className="compare-offset"
            onChange={(event) => {
              const offset = Math.trunc(Number(event.target.value));
              if (Number.isFinite(offset)) onChange({ alignment: { kind: 'offset', offset } });
            }}
          />
        </label>
      )}
      <label className="compare-field">
        Sound
        <select
          value={audio}
          onChange={(event) => onChange({ audio: event.target.value === 'b' ? 'b' : 'a' })}
        >
          <option value="a">from A</option>
          <option value="b">from B</option>
        </select>
      </label>
    </div>
  );
}
