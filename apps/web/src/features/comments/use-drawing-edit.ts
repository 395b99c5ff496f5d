import type { Comment } from '@cutroom/contracts';
import { useState } from 'react';
import { annotationOf } from '../drawing/drawing-history';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import type { LiveDrawing } from '../drawing/use-live-drawing';
import { useUpdateDrawing } from './comment-queries';

/** A posted note whose drawing is in the draft, being changed. */
export interface EditedDrawing {
  commentId: string;
  frame: number;
}

/** Changing the drawing of a note already posted, with the draft's tools; the text is left alone. */
export interface DrawingEdit {
  /** The note whose drawing the draft holds; null while the draft is for a new note. */
  editing: EditedDrawing | null;
  /** Loads the note's shapes into the draft, on the note's frame. */
  start(comment: Comment): void;
  /** Saves the draft as the note's drawing (none if everything was cleared), then empties the draft. */
  save(): void;
  /** Empties the draft; the note keeps its drawing. */
  cancel(): void;
  saving: boolean;
  error: Error | null;
}

export function useDrawingEdit({ draft, live }: { draft: DrawingDraft; live: LiveDrawing }): DrawingEdit {
  const [editing, setEditing] = useState<EditedDrawing | null>(null);
  const update = useUpdateDrawing();
  const finish = () => {
    live.withdraw();
    draft.reset();
    setEditing(null);
    update.reset();
  };
  return {
    editing,
    saving: update.isPending,
    error: update.error,
    start(comment) {
      if (comment.frame === null) return;
      update.reset();
      draft.load(comment.annotation?.shapes ?? [], comment.frame);
      setEditing({ commentId: comment.id, frame: comment.frame });
    },
    save() {
      if (!editing || update.isPending) return;
      update.mutate(
        { commentId: editing.commentId, annotation: annotationOf(draft.history.shapes) },
        { onSuccess: finish },
      );
    },
    cancel: finish,
  };
}
