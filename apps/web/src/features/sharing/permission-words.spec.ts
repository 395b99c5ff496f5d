import { describePermissions } from './permission-words';

describe('what a link lets a guest do, in words', () => {
  it('always includes watching, in a fixed order', () => {
    expect(describePermissions(['view'])).toBe('You can watch.');
    expect(describePermissions(['approve', 'view', 'comment'])).toBe(
      'You can watch, comment and approve or ask for changes.',
    );
    expect(describePermissions(['view', 'download'])).toBe('You can watch and download the originals.');
  });
});
