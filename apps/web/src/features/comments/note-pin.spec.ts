import { pinChange } from './note-pin';

describe('the frame a note is pinned to', () => {
  it('is pinned by the first keystroke, whatever the key', () => {
    expect(pinChange('', 'S', false)).toBe('pin');
    expect(pinChange('', ' ', false)).toBe('pin');
    expect(pinChange('', '@', false)).toBe('pin');
  });

  it('stays while the text changes, even when all of it is replaced at once', () => {
    expect(pinChange('S', 'Sk', true)).toBe('keep');
    expect(pinChange('Sky too bright', 'Grade', true)).toBe('keep');
    expect(pinChange('', '', false)).toBe('keep');
  });

  it('lets go once the text is emptied, so the next note pins where it begins', () => {
    expect(pinChange('S', '', true)).toBe('release');
  });

  it('pins on the next keystroke when there was no picture to pin to at the first', () => {
    expect(pinChange('Sk', 'Sky', false)).toBe('pin');
  });
});
