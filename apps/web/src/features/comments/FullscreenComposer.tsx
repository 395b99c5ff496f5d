import type { Member } from '@cutroom/contracts';
import { describeError } from '../../lib/api-client';
import { DrawingToolbar } from '../drawing/DrawingToolbar';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import { DrawingEditForm } from './DrawingEditForm';
import { MentionTextarea } from './MentionTextarea';
import type { DrawingEdit } from './use-drawing-edit';
import type { NoteDraft } from './use-note-draft';
import './comments.css';

interface FullscreenComposerProps {
  note: NoteDraft;
  draft: DrawingDraft;
  /** While a posted note's drawing is being changed, the form saves that instead of posting. */
  edit: DrawingEdit;
  members: readonly Member[];
  frame: number;
  paused: boolean;
  label: (frame: number) => string;
  onGoToDrawing: (frame: number) => void;
  onPlaceText: () => void;
}

/**
 * The composer in fullscreen, where the side column is out of sight: the drawing tools and a short
 * note, posted on the drawing's frame (or the frame on screen). The note and the drawing are the side
 * composer's own, so leaving fullscreen keeps both, and the frame typing pinned it to.
 */
export function FullscreenComposer({
  note,
  draft,
  edit,
  members,
  frame,
  paused,
  label,
  onGoToDrawing,
  onPlaceText,
}: FullscreenComposerProps) {
  const at = draft.frame ?? note.pinnedFrame ?? frame;
  if (edit.editing) {
    return (
      <DrawingEditForm
        edit={edit}
        editing={edit.editing}
        draft={draft}
        frame={frame}
        paused={paused}
        label={label}
        onGoToDrawing={onGoToDrawing}
        onPlaceText={onPlaceText}
        className="fullscreen-composer"
      />
    );
  }
  const post = () => note.post({ kind: 'frame', frame: at }, note.internal);
  return (
    <form
      className="fullscreen-composer"
      aria-label="New comment in fullscreen"
      onSubmit={(event) => {
        event.preventDefault();
        post();
      }}
    >
      <DrawingToolbar draft={draft} paused={paused} onPlaceText={onPlaceText} />
      <div className="fullscreen-note">
        <p className="composer-where" data-testid="fullscreen-composer-where">
          {label(at)}
          {at !== frame && (
            <button type="button" className="link-button" onClick={() => onGoToDrawing(at)}>
              {draft.frame === null ? 'Show the frame' : 'Show the drawing'}
            </button>
          )}
        </p>
        <MentionTextarea
          label="Note"
          value={note.body}
          placeholder="Note on this frame… (Ctrl+Enter to post)"
          members={members}
          rows={1}
          onChange={note.setBody}
          onSubmit={post}
        />
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={note.body.trim() === '' || note.posting}
        >
          Comment
        </button>
      </div>
      {note.error && (
        <p className="form-alert" role="alert">
          {describeError(note.error)}
        </p>
      )}
    </form>
  );
}
