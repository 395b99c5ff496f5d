import {
  commandForKey,
  isShortcutKey,
  movesPlayhead,
  nextShuttleSpeed,
  shortcuts,
  type KeyPress,
} from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('player keyboard', () => {
  it('plays and pauses with space and K', () => {
    expect(commandForKey(press(' '))).toEqual({ type: 'togglePlay' });
    expect(commandForKey(press('k'))).toEqual({ type: 'togglePlay' });
  });

  it('steps a frame with the arrows and a second with shift', () => {
    expect(commandForKey(press('ArrowRight'))).toEqual({ type: 'step', frames: 1 });
    expect(commandForKey(press('ArrowLeft'))).toEqual({ type: 'step', frames: -1 });
    expect(commandForKey(press('ArrowLeft', { shiftKey: true }))).toEqual({
      type: 'stepSecond',
      direction: -1,
    });
  });

  it('marks a loop with I and O and clears it with shift+X', () => {
    expect(commandForKey(press('i'))).toEqual({ type: 'markIn' });
    expect(commandForKey(press('O', { shiftKey: true }))).toEqual({ type: 'markOut' });
    expect(commandForKey(press('X', { shiftKey: true }))).toEqual({ type: 'clearMarks' });
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandForKey(press('l', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(press('f', { metaKey: true }))).toBeNull();
    expect(commandForKey(press('x'))).toBeNull();
  });

  it('lists a shortcut for every command in the overlay', () => {
    const listed = shortcuts.flatMap((shortcut) => shortcut.keys).join(' ');
    for (const key of ['Space', 'K', 'J', 'L', '←', '→', 'Home', 'End', 'M', 'F', 'T', '?']) {
      expect(listed).toContain(key);
    }
  });
});

describe('J/L shuttle', () => {
  it('starts at 1× and doubles with each press in the same direction, up to 8×', () => {
    expect(nextShuttleSpeed(0, 1)).toBe(1);
    expect(nextShuttleSpeed(1, 1)).toBe(2);
    expect(nextShuttleSpeed(2, 1)).toBe(4);
    expect(nextShuttleSpeed(4, 1)).toBe(8);
    expect(nextShuttleSpeed(8, 1)).toBe(8);
    expect(nextShuttleSpeed(-2, -1)).toBe(-4);
  });

  it('turns around at 1×', () => {
    expect(nextShuttleSpeed(4, -1)).toBe(-1);
    expect(nextShuttleSpeed(-8, 1)).toBe(1);
  });

  it('speeds up from an in-between playback speed to the next step', () => {
    expect(nextShuttleSpeed(1.5, 1)).toBe(2);
    expect(nextShuttleSpeed(0.5, 1)).toBe(1);
  });
});

describe('keys typed into text never reach the player', () => {
  const element = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra });
  const typed = (target: unknown, key: string, extra: Partial<Record<string, unknown>> = {}) => ({
    key,
    defaultPrevented: false,
    target,
    ...extra,
  });
  const typingKeys = [
    ' ',
    'j',
    'k',
    'l',
    'i',
    'o',
    'I',
    'O',
    'ArrowLeft',
    'ArrowRight',
    'Home',
    'f',
    'm',
    '?',
  ];

  it('leaves every key to a text field, a textarea, contenteditable and a textbox role', () => {
    const fields = [
      element('TEXTAREA'),
      element('INPUT', { type: 'text' }),
      element('INPUT', { type: 'search' }),
      element('INPUT', { type: 'password' }),
      element('input', { type: 'email' }),
      element('DIV', { isContentEditable: true }),
      element('SPAN', { isContentEditable: true }),
      element('DIV', { getAttribute: (name: string) => (name === 'role' ? 'textbox' : null) }),
    ];
    for (const field of fields) {
      for (const key of typingKeys) {
        expect([field.tagName, key, isShortcutKey(typed(field, key))]).toEqual([field.tagName, key, false]);
      }
    }
  });

  it('leaves Space and Enter to buttons and checkboxes, arrows to sliders; the rest is the player’s', () => {
    const button = element('BUTTON');
    const checkbox = element('INPUT', { type: 'checkbox' });
    const slider = element('INPUT', { type: 'range' });
    expect(isShortcutKey(typed(button, ' '))).toBe(false);
    expect(isShortcutKey(typed(button, 'k'))).toBe(true);
    expect(isShortcutKey(typed(checkbox, ' '))).toBe(false);
    expect(isShortcutKey(typed(checkbox, 'i'))).toBe(true);
    expect(isShortcutKey(typed(slider, 'ArrowLeft'))).toBe(false);
    expect(isShortcutKey(typed(slider, 'l'))).toBe(true);
    expect(isShortcutKey(typed(element('DIV'), ' '))).toBe(true);
    const timeline = element('DIV', { getAttribute: (name: string) => (name === 'role' ? 'slider' : null) });
    expect(isShortcutKey(typed(timeline, 'ArrowRight'))).toBe(true);
    expect(isShortcutKey(typed(null, 'j'))).toBe(true);
  });

  it('ignores keys already used, keys of an input method, and reads the innermost target', () => {
    expect(isShortcutKey(typed(element('DIV'), 'k', { defaultPrevented: true }))).toBe(false);
    expect(isShortcutKey(typed(element('DIV'), 'k', { isComposing: true }))).toBe(false);
    expect(isShortcutKey(typed(element('DIV'), 'Process'))).toBe(false);
    // A field inside a shadow root: the event is retargeted to its host, the path still starts at it.
    const host = element('DIV');
    const inside = element('TEXTAREA');
    expect(isShortcutKey(typed(host, 'j', { composedPath: () => [inside, host] }))).toBe(false);
  });
});

describe('keys while following a live session’s host', () => {
  const moves = (key: string, extra: Partial<KeyPress> = {}) => {
    const command = commandForKey(press(key, extra));
    if (!command) throw new Error(`no command for ${key}`);
    return movesPlayhead(command);
  };

  it('play, pause, shuttle, step and jump are the host’s: they move the playhead', () => {
    for (const key of [' ', 'k', 'l', 'j', 'ArrowLeft', 'ArrowRight', 'Home', 'End'])
      expect(moves(key)).toBe(true);
    expect(moves('ArrowRight', { shiftKey: true })).toBe(true);
  });

  it('sound, fullscreen, the time display, marks and help stay mine', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'm', 'f', 't', 'i', 'o', '?']) expect(moves(key)).toBe(false);
    expect(moves('X', { shiftKey: true })).toBe(false);
  });
});
