import type { Member } from '@cutroom/contracts';
import { useEffect, useEffectEvent, useState } from 'react';
import { describeError } from '../../lib/api-client';
import { DrawingToolbar } from '../drawing/DrawingToolbar';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import type { FrameRange } from '../player/loop-range';
import { useCreateComment } from './comment-queries';
import { composeTarget } from './compose-target';
import { MentionTextarea } from './MentionTextarea';

let posted = 0;
function newClientId(): string {
  posted += 1;
  return `c-${Date.now().toString(36)}-${posted}-${Math.random().toString(36).slice(2, 10)}`;
}

interface CommentComposerProps {
  versionId: string;
  members: readonly Member[];
  frame: number;
  paused: boolean;
  loop: FrameRange | null;
  draft: DrawingDraft;
  label: (frame: number) => string;
  onGoToDrawing: (frame: number) => void;
  onPlaceText: () => void;
  /** Others see that I am writing while the field holds text. */
  onTyping: (typing: boolean) => void;
  /** False without a player (a still, or a version not playable yet): notes are general, without drawings. */
  pinnable: boolean;
  /** Internal (team-only) notes: offered to members, never to review-link guests. */
  allowInternal: boolean;
}

/** Writes a note at the frame on screen, over the loop range, or for the whole cut, with a drawing. */
export function CommentComposer({
  versionId,
  members,
  frame,
  paused,
  loop,
  draft,
  label,
  onGoToDrawing,
  onPlaceText,
  onTyping,
  pinnable,
  allowInternal,
}: CommentComposerProps) {
  const [body, setBody] = useState('');
  const [general, setGeneral] = useState(false);
  const [overLoop, setOverLoop] = useState(true);
  const [internal, setInternal] = useState(false);
  const create = useCreateComment(versionId);
  const writing = body.trim() !== '';
  const reportTyping = useEffectEvent((typing: boolean) => onTyping(typing));
  useEffect(() => {
    if (!writing) return;
    reportTyping(true);
    return () => reportTyping(false);
  }, [writing]);
  const target = composeTarget({
    general: general || !pinnable,
    overLoop,
    loop,
    frame,
    drawingFrame: draft.frame,
  });
  const where =
    target.kind === 'general'
      ? 'General note'
      : target.kind === 'range'
        ? `${label(target.frame)} – ${label(target.frameEnd)}`
        : label(target.frame);

  function post() {
    if (body.trim() === '' || create.isPending) return;
    const annotation = draft.annotation();
    create.mutate(
      {
        body,
        internal: allowInternal && internal,
        clientId: newClientId(),
        ...(target.kind === 'general' ? {} : { frame: target.frame }),
        ...(target.kind === 'range' ? { frameEnd: target.frameEnd } : {}),
        ...(annotation && target.kind !== 'general' ? { annotation } : {}),
      },
      {
        onSuccess: () => {
          setBody('');
          draft.reset();
        },
      },
    );
  }

  return (
    <form
      className="comment-composer"
      aria-label="New comment"
      onSubmit={(event) => {
        event.preventDefault();
        post();
      }}
    >
      <p className="composer-where" data-testid="composer-where">
        {where}
        {draft.frame !== null && draft.frame !== frame && (
          <button type="button" className="link-button" onClick={() => onGoToDrawing(draft.frame ?? 0)}>
            Show the drawing
          </button>
        )}
      </p>
      {pinnable && <DrawingToolbar draft={draft} paused={paused} onPlaceText={onPlaceText} />}
      <MentionTextarea
        label="Comment"
        value={body}
        placeholder="Write a note… (@ to mention, Ctrl+Enter to post)"
        members={members}
        onChange={setBody}
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
        {loop && !general && (
          <label>
            <input
              type="checkbox"
              checked={overLoop}
              onChange={(event) => setOverLoop(event.target.checked)}
            />{' '}
            Over the loop range
          </label>
        )}
        {allowInternal && (
          <label>
            <input
              type="checkbox"
              checked={internal}
              onChange={(event) => setInternal(event.target.checked)}
            />{' '}
            Internal (team only)
          </label>
        )}
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={body.trim() === '' || create.isPending}
        >
          Comment
        </button>
      </div>
      {create.error && (
        <p className="form-alert" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
