import { MAX_SHAPE_TEXT } from '@cutroom/contracts';
import { useRef, useState, type Ref } from 'react';
import type { Point } from './shape-geometry';

interface PictureTextBoxProps {
  ref?: Ref<HTMLInputElement>;
  /** Where it was opened, normalised to the picture. */
  at: Point;
  picture: { width: number; height: number };
  colour: string;
  /** The text shape's size, a fraction of the picture's height. */
  size: number;
  onCommit: (text: string) => void;
  onCancel: () => void;
}

/**
 * Typing on the picture: a text box where the picture was clicked, in the text's own size and colour.
 * Enter or leaving it keeps the text (as a shape of the drawing); Escape drops it. Keys typed here are
 * text, never the player's (the page's key guard leaves every key of a text field alone).
 */
export function PictureTextBox({ ref, at, picture, colour, size, onCommit, onCancel }: PictureTextBoxProps) {
  const [text, setText] = useState('');
  // Enter, then the blur that follows the box closing, must keep the text once.
  const finished = useRef(false);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (keep && text.trim() !== '') onCommit(text);
    else onCancel();
  };
  const fontSize = size * picture.height;
  return (
    <input
      ref={ref}
      className="picture-text-box"
      data-testid="picture-text-box"
      aria-label="Text on the picture"
      placeholder="Type, then Enter"
      autoFocus
      value={text}
      maxLength={MAX_SHAPE_TEXT}
      style={{
        left: at[0] * picture.width,
        top: at[1] * picture.height,
        maxWidth: Math.max(80, (1 - at[0]) * picture.width),
        fontSize,
        height: fontSize * 1.25,
        color: colour,
      }}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
