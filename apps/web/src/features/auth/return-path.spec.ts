import { safeReturnPath, signInPagePath } from './return-path';

describe('returning after sign-in', () => {
  it('goes back to the project page the person asked for, with its query and hash', () => {
    expect(safeReturnPath('/projects/4f0c/settings?tab=members#add')).toBe(
      '/projects/4f0c/settings?tab=members#add',
    );
  });

  it('goes to the projects list when nothing was asked for', () => {
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'projects',
  ])('never leaves the site for %s', (requested) => {
    expect(safeReturnPath(requested)).toBe('/');
  });

  it('does not send someone who just signed in back to a sign-in page', () => {
    expect(safeReturnPath('/login?next=/x')).toBe('/');
    expect(safeReturnPath('/register')).toBe('/');
  });

  it('builds sign-in links that carry the return path, encoded', () => {
    expect(signInPagePath('/login', '/projects/a b')).toBe('/login?next=%2Fprojects%2Fa%2520b');
    expect(signInPagePath('/register', '/')).toBe('/register');
  });
});
