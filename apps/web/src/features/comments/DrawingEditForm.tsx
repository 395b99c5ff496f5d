import { describeError } from '../../lib/api-client';
import { DrawingToolbar } from '../drawing/DrawingToolbar';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import type { DrawingEdit, EditedDrawing } from './use-drawing-edit';

interface DrawingEditFormProps {
  edit: DrawingEdit;
  editing: EditedDrawing;
  draft: DrawingDraft;
  frame: number;
  paused: boolean;
  label: (frame: number) => string;
  onGoToDrawing: (frame: number) => void;
  onPlaceText: () => void;
  className: string;
}

/** In place of the composer while a posted note's drawing is changed: the tools, then save or cancel. */
export function DrawingEditForm({
  edit,
  editing,
  draft,
  frame,
  paused,
  label,
  onGoToDrawing,
  onPlaceText,
  className,
}: DrawingEditFormProps) {
  return (
    <form
      className={className}
      aria-label="Edit drawing"
      onSubmit={(event) => {
        event.preventDefault();
        edit.save();
      }}
    >
      <p className="composer-where" data-testid="drawing-edit-where">
        Drawing of the note at {label(editing.frame)}
        {editing.frame !== frame && (
          <button type="button" className="link-button" onClick={() => onGoToDrawing(editing.frame)}>
            Show the drawing
          </button>
        )}
      </p>
      <DrawingToolbar draft={draft} paused={paused} onPlaceText={onPlaceText} />
      <div className="composer-options">
        <button type="submit" className="button button-primary button-small" disabled={edit.saving}>
          Save drawing
        </button>
        <button type="button" className="button button-small button-ghost" onClick={edit.cancel}>
          Cancel
        </button>
      </div>
      {edit.error && (
        <p className="form-alert" role="alert">
          {describeError(edit.error)}
        </p>
      )}
    </form>
  );
}
