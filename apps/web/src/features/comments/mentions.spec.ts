import { chooseMention, insertMention, matchingMembers, mentionQueryAt } from './mentions';

describe('@mentions while typing', () => {
  it('finds the name being typed after an @, not an email address', () => {
    expect(mentionQueryAt('Look here @ro', 13)).toEqual({ start: 10, query: 'ro' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me at me@ex', 16)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('puts the chosen name in place of what was typed, the caret right after it and a space', () => {
    expect(insertMention('Hi @ro, look', 3, 6, 'Rosa Reviewer')).toEqual({
      text: 'Hi @Rosa Reviewer , look',
      caret: 18,
    });
    expect(insertMention('@ro', 0, 3, 'Rosa Reviewer')).toEqual({ text: '@Rosa Reviewer ', caret: 15 });
  });

  it('keeps the text after the caret whole when a name is chosen in the middle of a note', () => {
    const text = 'Thanks @Da sounds right to me';
    const caret = 'Thanks @Da'.length;
    const chosen = chooseMention(text, caret, 'Dana Director');
    expect(chosen).toEqual({
      text: 'Thanks @Dana Director sounds right to me',
      caret: 'Thanks @Dana Director '.length,
    });
    // Typing on goes exactly where the caret was left.
    const { text: next, caret: at } = chosen ?? { text: '', caret: 0 };
    expect(next.slice(0, at) + 'and ' + next.slice(at)).toBe('Thanks @Dana Director and sounds right to me');
  });

  it('replaces only the @partial, with the words after it on the same line untouched', () => {
    expect(chooseMention('@D sounds', 2, 'Dana Director')).toEqual({
      text: '@Dana Director sounds',
      caret: 15,
    });
    expect(chooseMention('Line one\n@da\nline two', 12, 'Dana Director')).toEqual({
      text: 'Line one\n@Dana Director\nline two',
      caret: 24,
    });
    expect(chooseMention('no mention here', 5, 'Dana Director')).toBeNull();
  });

  it('offers members by name or email', () => {
    const members = [
      { displayName: 'Rosa Reviewer', email: 'rosa@example.com' },
      { displayName: 'Eddie Editor', email: 'ed@example.com' },
    ];
    expect(matchingMembers(members, 'ro').map((m) => m.displayName)).toEqual(['Rosa Reviewer']);
    expect(matchingMembers(members, 'ED').map((m) => m.displayName)).toEqual(['Eddie Editor']);
    expect(matchingMembers(members, '')).toHaveLength(2);
  });
});
