import { findHashtags, findMentions } from './comment-text.js';

const members = [
  { id: 'ann', displayName: 'Ann', email: 'ann@studio.com' },
  { id: 'annlee', displayName: 'Ann Lee', email: 'alee@studio.com' },
  { id: 'bob', displayName: 'Bob Stone', email: 'bob.stone@studio.com' },
];

describe('mentions', () => {
  it('recognises members by display name, the longest name first', () => {
    expect(findMentions('@Ann Lee can you fix the grade? cc @ann', members)).toEqual(['annlee', 'ann']);
  });

  it('recognises the email local part and ignores email addresses and strangers', () => {
    expect(findMentions('ping @bob.stone, mail x@ann.com, and @Zed', members)).toEqual(['bob']);
  });

  it('does not match a name that continues into another word', () => {
    expect(findMentions('@Annabel please look', members)).toEqual([]);
  });
});

describe('hashtags', () => {
  it('finds each tag once, lower-cased, in order', () => {
    expect(findHashtags('#Grade is off, #vfx too. #grade again')).toEqual(['grade', 'vfx']);
  });

  it('ignores frame numbers, HTML entities and tags inside words', () => {
    expect(findHashtags('see shot #12 and a&#39;b and abc#def but #shot_12')).toEqual(['shot_12']);
  });
});
