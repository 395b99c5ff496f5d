import type { Version } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { versionLabel } from '../assets/version-status';
import { useCreateComment } from '../comments/comment-queries';
import { DrawingToolbar } from '../drawing/DrawingToolbar';
import type { DrawingDraft } from '../drawing/use-drawing-draft';

let posted = 0;
function newClientId(): string {
  posted += 1;
  return `k-${Date.now().toString(36)}-${posted}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A note on either side, pinned to the frame that side shows: A's frame, or the one B shows beside
 * it (not offered when B has none), with a drawing made on that side's picture. Typing pauses both
 * pictures, so the frame stays put.
 */
export function CompareNoteForm({
  a,
  b,
  aFrame,
  bFrame,
  side: chosen,
  onSide,
  draft,
  paused,
  label,
  allowInternal,
  internal,
  onInternal,
  onStartTyping,
}: {
  a: Version;
  b: Version;
  aFrame: number;
  bFrame: number | null;
  /** The side the note is for (never B while B has no frame). */
  side: 'a' | 'b';
  onSide: (side: 'a' | 'b') => void;
  /** Drawn on the chosen side's picture; goes with the note. */
  draft: DrawingDraft;
  paused: boolean;
  label: { a: (frame: number) => string; b: (frame: number) => string };
  allowInternal: boolean;
  /** Team only: its drawing is shown live to members only. */
  internal: boolean;
  onInternal: (internal: boolean) => void;
  onStartTyping: () => void;
}) {
  const [body, setBody] = useState('');
  const onA = useCreateComment(a.id);
  const onB = useCreateComment(b.id);
  const create = chosen === 'a' ? onA : onB;
  // A drawing pins the note to the frame it was drawn on.
  const frame = draft.frame ?? (chosen === 'a' ? aFrame : (bFrame ?? 0));
  const where = `${versionLabel(chosen === 'a' ? a : b)} ${label[chosen](frame)}`;
  const error = onA.error ?? onB.error;

  return (
    <form
      className="compare-note"
      aria-label="Note on a version"
      onSubmit={(event) => {
        event.preventDefault();
        const text = body.trim();
        if (!text) return;
        create.mutate(
          {
            body: text,
            frame,
            internal: allowInternal && internal,
            annotation: draft.annotation(),
            clientId: newClientId(),
          },
          {
            onSuccess: () => {
              setBody('');
              draft.reset();
            },
          },
        );
      }}
    >
      <fieldset className="compare-note-side">
        <legend className="visually-hidden">Which version the note is on</legend>
        <label>
          <input
            type="radio"
            name="compare-note-side"
            checked={chosen === 'a'}
            onChange={() => onSide('a')}
          />
          On A · {versionLabel(a)} {label.a(aFrame)}
        </label>
        <label>
          <input
            type="radio"
            name="compare-note-side"
            checked={chosen === 'b'}
            disabled={bFrame === null}
            onChange={() => onSide('b')}
          />
          On B · {versionLabel(b)} {bFrame === null ? '(no matching frame)' : label.b(bFrame)}
        </label>
      </fieldset>
      <textarea
        className="compare-note-body"
        aria-label="Note"
        placeholder={`Note on ${where}`}
        rows={2}
        value={body}
        onFocus={onStartTyping}
        onChange={(event) => setBody(event.target.value)}
      />
      <DrawingToolbar draft={draft} paused={paused} onPlaceText={() => draft.setTextAt([0.05, 0.05])} />
      <div className="compare-note-actions">
        {allowInternal && (
          <label className="compare-field">
            <input
              type="checkbox"
              checked={internal}
              onChange={(event) => onInternal(event.target.checked)}
            />
            Internal
          </label>
        )}
        <button type="submit" className="button button-small" disabled={!body.trim() || create.isPending}>
          Post note on {chosen.toUpperCase()}
        </button>
      </div>
      {error && (
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
      )}
    </form>
  );
}
