import { ACTIVITY_EXCERPT_MAX } from '@cutroom/contracts';
import { excerptOf } from './activity-excerpt.js';

describe('the excerpt of a comment in the feed', () => {
  it('keeps a short comment as it is, on one line', () => {
    expect(excerptOf('Grade is  off\n\tin shot 12 ')).toBe('Grade is off in shot 12');
  });

  it('is null when there is nothing to show', () => {
    expect(excerptOf(null)).toBeNull();
    expect(excerptOf('')).toBeNull();
    expect(excerptOf(' \n\u0000 ')).toBeNull();
  });

  it('never exceeds the limit, and says it was shortened', () => {
    const excerpt = excerptOf('word '.repeat(1000)) as string;
    expect(excerpt.length).toBeLessThanOrEqual(ACTIVITY_EXCERPT_MAX);
    expect(excerpt.endsWith('word…')).toBe(true);
  });

  it('cuts at a word break when one is near the end', () => {
    expect(excerptOf('The sky in shot twelve flickers badly', 30)).toBe('The sky in shot twelve…');
  });

  it('cuts a long unbroken word at the limit', () => {
    expect(excerptOf('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits an emoji or an accented letter', () => {
    const family = '👨‍👩‍👧';
    const excerpt = excerptOf(`${'a'.repeat(7)}${family}${family}`, 12) as string;
    expect(excerpt).toBe(`${'a'.repeat(7)}…`);
    const accented = excerptOf(`${'b'.repeat(8)}e\u0301e\u0301e\u0301`, 11) as string;
    expect(excerpt.length).toBeLessThanOrEqual(12);
    expect(accented).toBe(`${'b'.repeat(8)}e\u0301…`);
  });

  it('drops control characters and direction overrides that could disguise the text', () => {
    expect(excerptOf('ok\u202Egnp.exe\u0007 done\u2028next')).toBe('ok gnp.exe done next');
  });

  it('keeps markup as inert text: it is never rendered as HTML', () => {
    expect(excerptOf('<img src=x onerror=alert(1)> look')).toBe('<img src=x onerror=alert(1)> look');
  });
});
