import { useEffect, useEffectEvent } from 'react';
import { isShortcutKey } from '../player/shortcuts';
import type { DrawingDraft } from './use-drawing-draft';

/** Ctrl/⌘+Z undoes the last shape, with Shift (or Ctrl+Y) redoes; text fields keep their own undo. */
export function useDrawingShortcuts(draft: DrawingDraft): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || !isShortcutKey(event)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey && draft.history.past.length > 0) {
      event.preventDefault();
      draft.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      if (draft.history.future.length === 0) return;
      event.preventDefault();
      draft.redo();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
