import { insertMention, matchingMembers, mentionQueryAt } from './mentions';

describe('@mentions while typing', () => {
  it('finds the name being typed after an @, not an email address', () => {
    expect(mentionQueryAt('Look here @ro', 13)).toEqual({ start: 10, query: 'ro' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me at me@ex', 16)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('puts the chosen name in place of what was typed', () => {
    expect(insertMention('Hi @ro, look', 3, 6, 'Rosa Reviewer')).toEqual({
      text: 'Hi @Rosa Reviewer , look',
      caret: 18,
    });
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
