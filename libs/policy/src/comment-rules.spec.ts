import { mayDelete, mayEdit, mayResolve } from './comment-rules';

describe('who may change a comment', () => {
  it('a reviewer cannot resolve someone else’s comment, but can resolve their own', () => {
    expect(mayResolve({ userId: 'r', role: 'reviewer' }, 'someone')).toBe(false);
    expect(mayResolve({ userId: 'r', role: 'reviewer' }, 'r')).toBe(true);
  });

  it('editors and owners resolve anyone’s notes', () => {
    expect(mayResolve({ userId: 'e', role: 'editor' }, 'someone')).toBe(true);
    expect(mayResolve({ userId: 'o', role: 'owner' }, 'someone')).toBe(true);
  });

  it('only the author edits; the author or an owner deletes', () => {
    expect(mayEdit({ userId: 'o', role: 'owner' }, 'a')).toBe(false);
    expect(mayEdit({ userId: 'a', role: 'reviewer' }, 'a')).toBe(true);
    expect(mayDelete({ userId: 'o', role: 'owner' }, 'a')).toBe(true);
    expect(mayDelete({ userId: 'e', role: 'editor' }, 'a')).toBe(false);
    expect(mayDelete({ userId: 'r', role: 'reviewer' }, 'a')).toBe(false);
  });
});
