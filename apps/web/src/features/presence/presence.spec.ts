import { personName } from './person-name';
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

  it('takes a guest’s initials from their name, never from the “(guest)” mark', () => {
    expect(initials('Gil Guest (guest)')).toBe('GG');
    expect(initials('gwen (guest)')).toBe('G');
    expect(initials('(guest)')).toBe('?');
    expect(initials('Ana "Nan" (Lopez)')).toBe('AL');
  });
});

describe('a person’s name', () => {
  it('is told apart from the guest mark the server adds', () => {
    expect(personName('Gil Guest (guest)')).toEqual({ name: 'Gil Guest', guest: true });
    expect(personName('Rafa Reviewer')).toEqual({ name: 'Rafa Reviewer', guest: false });
    expect(personName('  Rafa  ')).toEqual({ name: 'Rafa', guest: false });
  });
});
