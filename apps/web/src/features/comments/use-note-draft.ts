import { useEffect, useEffectEvent, useState } from 'react';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import { useCreateComment } from './comment-queries';
import { newCommentBody, type ComposeTarget } from './compose-target';
import { pinChange } from './note-pin';

let posted = 0;
function newClientId(): string {
  posted += 1;
  return `c-${Date.now().toString(36)}-${posted}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The note being written: one text, typed beside the player or over it in fullscreen. */
export interface NoteDraft {
  body: string;
  setBody(body: string): void;
  /** Ticked Internal (team only): others see me write and draw it only if they are members. */
  internal: boolean;
  setInternal(internal: boolean): void;
  /** The frame the note was pinned to when typing began (null before, or with no picture). */
  pinnedFrame: number | null;
  /** Pins the note to another frame (null: to the frame on screen until typing pins it again). */
  pinTo(frame: number | null): void;
  /** Posts the note at `target` with the drawing; once saved, the text and the drawing start again. */
  post(target: ComposeTarget, internal: boolean): void;
  posting: boolean;
  error: Error | null;
}

export function useNoteDraft({
  versionId,
  drawing,
  onTyping,
  startTyping,
}: {
  versionId: string;
  drawing: DrawingDraft;
  /** The first keystroke: pauses playback and says which frame is on screen (null: no picture). */
  startTyping: () => number | null;
  /** Others see that I am writing while the note holds text; an internal note only members see. */
  onTyping: (typing: boolean, internal: boolean) => void;
}): NoteDraft {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [pinnedFrame, setPinnedFrame] = useState<number | null>(null);
  const create = useCreateComment(versionId);
  const writing = body.trim() !== '';
  const reportTyping = useEffectEvent((typing: boolean, flag: boolean) => onTyping(typing, flag));
  // Ticking Internal stops the typing shown to all, then shows it to members only (and back).
  useEffect(() => {
    if (!writing) return;
    reportTyping(true, internal);
    return () => reportTyping(false, internal);
  }, [writing, internal]);
  return {
    body,
    setBody(next) {
      const change = pinChange(body, next, pinnedFrame !== null);
      if (change === 'pin') setPinnedFrame(startTyping());
      else if (change === 'release') setPinnedFrame(null);
      setBody(next);
    },
    pinnedFrame,
    pinTo: setPinnedFrame,
    internal,
    setInternal,
    posting: create.isPending,
    error: create.error,
    post(target, internal) {
      if (!writing || create.isPending) return;
      const comment = newCommentBody({
        body,
        internal,
        clientId: newClientId(),
        target,
        annotation: drawing.annotation(),
      });
      create.mutate(comment, {
        onSuccess: () => {
          setBody('');
          setPinnedFrame(null);
          drawing.reset();
        },
      });
    },
  };
}
