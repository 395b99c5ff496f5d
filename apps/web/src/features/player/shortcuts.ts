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

/**
 * Whether a command moves the playhead (plays, pauses, shuttles, steps, jumps). Following a live
 * session's host, those are the host's to give: my player ignores them rather than move and be pulled back.
 */
export function movesPlayhead(command: PlayerCommand): boolean {
  switch (command.type) {
    case 'togglePlay':
    case 'shuttle':
    case 'step':
    case 'stepSecond':
    case 'first':
    case 'last':
      return true;
    case 'volume':
    case 'toggleMute':
    case 'fullscreen':
    case 'cycleTimeDisplay':
    case 'markIn':
    case 'markOut':
    case 'clearMarks':
    case 'help':
      return false;
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
const PRESSABLE_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'color',
  'file',
  'image',
]);

/** The parts of a focused element that decide whether it uses a key: a DOM element is one. */
export interface KeyTarget {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
  getAttribute?(name: string): string | null;
}

/** What a focused element does with keys: text takes them all; the others take a few. */
export type KeyTargetKind = 'text' | 'select' | 'slider' | 'pressable' | 'other';

export function keyTargetKind(target: KeyTarget | null | undefined): KeyTargetKind {
  if (!target || typeof target.tagName !== 'string') return 'other';
  if (target.isContentEditable === true) return 'text';
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return 'text';
  if (tag === 'SELECT') return 'select';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'pressable';
  if (tag === 'INPUT') {
    const type = typeof target.type === 'string' ? target.type.toLowerCase() : 'text';
    if (type === 'range') return 'slider';
    return PRESSABLE_INPUTS.has(type) ? 'pressable' : 'text';
  }
  // A custom text field; a custom slider (the timeline) leaves its arrows to the player's frame steps.
  const role = target.getAttribute?.('role');
  return role === 'textbox' || role === 'searchbox' ? 'text' : 'other';
}

/**
 * Whether the focused element uses this key itself: everything typed into a text field, a textarea,
 * contenteditable or the text box on the picture; arrows on a slider or a select; Space and Enter on
 * a button. The player takes the rest, so J/K/L work wherever else focus is.
 */
export function keyBelongsToTarget(target: KeyTarget | null | undefined, key: string): boolean {
  switch (keyTargetKind(target)) {
    case 'text':
      return true;
    case 'select':
      return MOVING_KEYS.has(key) || PRESSING_KEYS.has(key);
    case 'slider':
      return MOVING_KEYS.has(key);
    case 'pressable':
      return PRESSING_KEYS.has(key);
    case 'other':
      return false;
  }
}

/** A key event as the page's key handlers see it. */
export interface PageKeyEvent {
  key: string;
  defaultPrevented: boolean;
  /** Mid-composition (an input method editor): the keys are the text's, whatever they are. */
  isComposing?: boolean;
  target: unknown;
  composedPath?(): readonly unknown[];
}

/**
 * The one guard every page-wide shortcut passes first: false for a key already used (prevented),
 * typed while composing, or meant for the focused element (the innermost, inside a shadow root too).
 */
export function isShortcutKey(event: PageKeyEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.key === 'Process') return false;
  const origin = (event.composedPath?.()[0] ?? event.target) as KeyTarget | null;
  return !keyBelongsToTarget(origin, event.key);
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
