/** What a key press asks the player to do. */
export type PlayerCommand =
  | { type: 'togglePlay' }
  | { type: 'shuttle'; direction: 1 | -1 }
  | { type: 'step'; frames: number }
  | { type: 'stepSecond'; direction: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'volume'; delta: number }
  | { type: 'toggleMute' }
  | { type: 'fullscreen' }
  | { type: 'cycleTimeDisplay' }
  | { type: 'markIn' }
  | { type: 'markOut' }
  | { type: 'clearMarks' }
  | { type: 'help' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The player's keyboard, read by the key handler and listed by the `?` overlay, so both always agree. */
export const shortcuts: readonly { keys: readonly string[]; action: string }[] = [
  { keys: ['Space', 'K'], action: 'Play or pause' },
  { keys: ['L'], action: 'Play forward; press again for 2×, 4×, 8×' },
  { keys: ['J'], action: 'Play backward; press again for 2×, 4×, 8×' },
  { keys: ['←', '→'], action: 'Step one frame back or forward' },
  { keys: ['Shift + ←', 'Shift + →'], action: 'Step one second back or forward' },
  { keys: ['Home', 'End'], action: 'Go to the first or last frame' },
  { keys: ['↑', '↓'], action: 'Volume up or down' },
  { keys: ['M'], action: 'Mute or unmute' },
  { keys: ['F'], action: 'Fullscreen' },
  { keys: ['T'], action: 'Show timecode, frame number or seconds' },
  { keys: ['I', 'O'], action: 'Mark the in or out frame: playback loops between them' },
  { keys: ['Shift + X'], action: 'Clear the in and out marks' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
];

export function commandForKey(press: KeyPress): PlayerCommand | null {
  // Browser and system shortcuts (copy, reload, tab switching) stay theirs.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case ' ':
    case 'k':
    case 'K':
      return { type: 'togglePlay' };
    case 'l':
    case 'L':
      return { type: 'shuttle', direction: 1 };
    case 'j':
    case 'J':
      return { type: 'shuttle', direction: -1 };
    case 'ArrowRight':
      return press.shiftKey ? { type: 'stepSecond', direction: 1 } : { type: 'step', frames: 1 };
    case 'ArrowLeft':
      return press.shiftKey ? { type: 'stepSecond', direction: -1 } : { type: 'step', frames: -1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'ArrowUp':
      return { type: 'volume', delta: 0.1 };
    case 'ArrowDown':
      return { type: 'volume', delta: -0.1 };
    case 'm':
    case 'M':
      return { type: 'toggleMute' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 't':
    case 'T':
      return { type: 'cycleTimeDisplay' };
    case 'i':
    case 'I':
      return { type: 'markIn' };
    case 'o':
    case 'O':
      return { type: 'markOut' };
    case 'X':
      return press.shiftKey ? { type: 'clearMarks' } : null;
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}

const MOVING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const PRESSING_KEYS = new Set([' ', 'Enter']);
const PRESSABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

/**
 * Whether the focused element uses this key itself: everything typed into a text field; arrows on a
 * slider; Space and Enter on a button. The player takes the rest, so J/K/L work wherever focus is.
 */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return MOVING_KEYS.has(key) || PRESSING_KEYS.has(key);
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)
    return PRESSING_KEYS.has(key);
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return MOVING_KEYS.has(key);
    if (PRESSABLE_INPUTS.has(target.type)) return PRESSING_KEYS.has(key);
    return true;
  }
  return false;
}

export const SHUTTLE_SPEEDS = [1, 2, 4, 8] as const;

/**
 * J/L shuttle: a press in the direction already playing goes one speed up; a press the other way
 * (or from a stop) starts at 1× in that direction. `current` is signed: −2 means backward at 2×.
 */
export function nextShuttleSpeed(current: number, direction: 1 | -1): number {
  if (Math.sign(current) !== direction) return direction;
  const faster = SHUTTLE_SPEEDS.find((speed) => speed > Math.abs(current));
  return direction * (faster ?? SHUTTLE_SPEEDS[SHUTTLE_SPEEDS.length - 1]);
}
