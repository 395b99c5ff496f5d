import { initials, presenceColour } from './presence-colour';

describe('presence avatars', () => {
  it('gives each person the same colour every time', () => {
    const id = '6c0a2c3d-1111-4111-8111-111111111111';
    expect(presenceColour(id)).toBe(presenceColour(id));
    expect(presenceColour(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('shows initials of the first and last name', () => {
    expect(initials('Rosa Maria Reviewer')).toBe('RR');
    expect(initials('eddie')).toBe('E');
    expect(initials('  ')).toBe('?');
  });
});
