import { MAX_SHAPES } from '@cutroom/contracts';
import { isFull } from './drawing-history';
import type { DrawingTool } from './shape-geometry';
import { COLOURS, STROKE_WIDTHS, type DrawingDraft } from './use-drawing-draft';
import './drawing.css';

const TOOLS: readonly { tool: DrawingTool; label: string; glyph: string }[] = [
  { tool: 'pen', label: 'Pen', glyph: '✎' },
  { tool: 'arrow', label: 'Arrow', glyph: '↗' },
  { tool: 'line', label: 'Line', glyph: '╱' },
  { tool: 'rectangle', label: 'Rectangle', glyph: '▭' },
  { tool: 'ellipse', label: 'Ellipse', glyph: '◯' },
  { tool: 'text', label: 'Text', glyph: 'T' },
];

/** Tools for drawing on the paused frame; the drawing goes with the comment being written. */
export function DrawingToolbar({
  draft,
  paused,
  onPlaceText,
}: {
  draft: DrawingDraft;
  paused: boolean;
  /** Opens the text box at the picture's top-left: typing on the picture without a pointer. */
  onPlaceText: () => void;
}) {
  const { history } = draft;
  return (
    <div className="drawing-toolbar" role="toolbar" aria-label="Drawing tools">
      <div className="drawing-tools">
        {TOOLS.map(({ tool, label, glyph }) => (
          <button
            key={tool}
            type="button"
            className="drawing-button"
            aria-label={label}
            title={paused ? label : `${label} (pause to draw)`}
            aria-pressed={draft.tool === tool}
            onClick={() => draft.setTool(draft.tool === tool ? null : tool)}
          >
            {glyph}
          </button>
        ))}
      </div>
      <div className="drawing-colours" role="group" aria-label="Colour">
        {COLOURS.map((colour) => (
          <button
            key={colour.value}
            type="button"
            className="drawing-swatch"
            aria-label={colour.name}
            aria-pressed={draft.style.colour === colour.value}
            style={{ background: colour.value }}
            onClick={() => draft.setStyle({ ...draft.style, colour: colour.value })}
          />
        ))}
      </div>
      <label className="drawing-width">
        <span className="visually-hidden">Stroke width</span>
        <select
          value={draft.style.strokeWidth}
          title="Stroke width"
          onChange={(event) => draft.setStyle({ ...draft.style, strokeWidth: Number(event.target.value) })}
        >
          {STROKE_WIDTHS.map((width) => (
            <option key={width.value} value={width.value}>
              {width.name}
            </option>
          ))}
        </select>
      </label>
      {draft.tool === 'text' && paused && (
        <p className="drawing-hint">
          Click the picture and type there, or{' '}
          <button type="button" className="link-button" onClick={onPlaceText}>
            type at the top-left
          </button>
          .
        </p>
      )}
      <div className="drawing-history">
        <button
          type="button"
          className="drawing-button"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={history.past.length === 0}
          onClick={draft.undo}
        >
          ↶
        </button>
        <button
          type="button"
          className="drawing-button"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={history.future.length === 0}
          onClick={draft.redo}
        >
          ↷
        </button>
        <button
          type="button"
          className="drawing-button"
          aria-label="Clear drawing"
          title="Clear drawing"
          disabled={history.shapes.length === 0}
          onClick={draft.clear}
        >
          ⌫
        </button>
      </div>
      {draft.tool !== null && !paused && <p className="drawing-hint">Pause to draw on the frame.</p>}
      {isFull(history) && (
        <p className="drawing-hint" role="status">
          {MAX_SHAPES} shapes is the most one note can carry: post it, then draw on in a new one.
        </p>
      )}
    </div>
  );
}
