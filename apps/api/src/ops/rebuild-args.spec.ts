import { parseRebuildArgs } from './rebuild-args.js';

const V = '11111111-1111-4111-8111-111111111111';

describe('parseRebuildArgs', () => {
  it('takes one version, the versions without renditions, or all, and --wait with any of them', () => {
    expect(parseRebuildArgs(['--version', V])).toEqual({ scope: 'version', versionId: V, wait: false });
    expect(parseRebuildArgs(['--version', V.toUpperCase(), '--wait'])).toEqual({
      scope: 'version',
      versionId: V,
      wait: true,
    });
    expect(parseRebuildArgs(['--missing'])).toEqual({ scope: 'missing', versionId: undefined, wait: false });
    expect(parseRebuildArgs(['--wait', '--all'])).toEqual({ scope: 'all', versionId: undefined, wait: true });
  });

  it('says what is wrong otherwise', () => {
    expect(parseRebuildArgs(['--version', '42'])).toEqual({
      problem: '--version takes a version id (a UUID), not "42".',
    });
    for (const args of [[], ['--all', '--missing'], ['--version'], ['--everything']])
      expect(parseRebuildArgs(args)).toEqual({
        problem: 'Say which versions: --version <id>, --missing (those without renditions) or --all.',
      });
  });
});
