import { commandForKey, nextShuttleSpeed, shortcuts, type KeyPress } from './shortcuts';

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
