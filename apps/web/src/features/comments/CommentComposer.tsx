import type { Member } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { DrawingToolbar } from '../drawing/DrawingToolbar';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import type { FrameRange } from '../player/loop-range';
import { composeTarget } from './compose-target';
import { ComposerWhere } from './ComposerWhere';
import { DrawingEditForm } from './DrawingEditForm';
import { MentionTextarea } from './MentionTextarea';
import type { DrawingEdit } from './use-drawing-edit';
import type { NoteDraft } from './use-note-draft';

interface CommentComposerProps {
  note: NoteDraft;
  members: readonly Member[];
  frame: number;
  paused: boolean;
  loop: FrameRange | null;
  draft: DrawingDraft;
  /** While a posted note's drawing is being changed, the form saves that instead of posting. */
  edit: DrawingEdit;
  label: (frame: number) => string;
  onGoToDrawing: (frame: number) => void;
  onPlaceText: () => void;
  /** False without a player (a still, or a version not playable yet): notes are general, without drawings. */
  pinnable: boolean;
  /** Internal (team-only) notes: offered to members, never to review-link guests. */
  allowInternal: boolean;
}

/** Writes a note at the frame on screen, over the loop range, or for the whole cut, with a drawing. */
export function CommentComposer({
  note,
  members,
  frame,
  paused,
  loop,
  draft,
  edit,
  label,
  onGoToDrawing,
  onPlaceText,
  pinnable,
  allowInternal,
}: CommentComposerProps) {
  const [general, setGeneral] = useState(false);
  const [overLoop, setOverLoop] = useState(true);
  const target = composeTarget({
    general: general || !pinnable,
    overLoop,
    loop,
    frame,
    pinnedFrame: note.pinnedFrame,
    drawingFrame: draft.frame,
  });
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
        className="comment-composer"
      />
    );
  }
  const post = () => note.post(target, allowInternal && note.internal);

  return (
    <form
      className="comment-composer"
      aria-label="New comment"
      onSubmit={(event) => {
        event.preventDefault();
        post();
      }}
    >
      <ComposerWhere
        target={target}
        frame={frame}
        pinnedFrame={note.pinnedFrame}
        drawingFrame={draft.frame}
        label={label}
        onGoTo={onGoToDrawing}
        onPinHere={() => note.pinTo(frame)}
        onMakeGeneral={() => setGeneral(true)}
      />
      {pinnable && <DrawingToolbar draft={draft} paused={paused} onPlaceText={onPlaceText} />}
      <MentionTextarea
        label="Comment"
        value={note.body}
        placeholder="Write a note… (@ to mention, Ctrl+Enter to post)"
        members={members}
        onChange={note.setBody}
        onSubmit={post}
      />
      <div className="composer-options">
        {pinnable && (
          <label>
            <input
              type="checkbox"
              checked={general}
              disabled={draft.frame !== null}
              onChange={(event) => setGeneral(event.target.checked)}
            />{' '}
            General note
          </label>
        )}
        {pinnable && (
          <label title={loop ? undefined : 'Mark in and out with I and O'}>
            <input
              type="checkbox"
              checked={overLoop && loop !== null}
              disabled={loop === null || (general && draft.frame === null)}
              onChange={(event) => setOverLoop(event.target.checked)}
            />{' '}
            {loop ? `Over the loop range ${label(loop.from)} – ${label(loop.to)}` : 'Over the loop range'}
          </label>
        )}
        {allowInternal && (
          <label>
            <input
              type="checkbox"
              checked={note.internal}
              onChange={(event) => note.setInternal(event.target.checked)}
            />{' '}
            Internal (team only)
          </label>
        )}
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
