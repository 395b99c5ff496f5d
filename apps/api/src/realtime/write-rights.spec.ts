import { changeRole, type JoinedAsset, mayWrite } from './write-rights.js';

const CUT = 'asset-cut';
const TRAILER = 'asset-trailer';
const ELSEWHERE = 'asset-elsewhere';

function rooms(): Map<string, JoinedAsset> {
  return new Map<string, JoinedAsset>([
    [CUT, { projectId: 'film', role: 'reviewer' }],
    [TRAILER, { projectId: 'film', role: 'reviewer' }],
    [ELSEWHERE, { projectId: 'other', role: 'reviewer' }],
  ]);
}

describe('write rights of a socket', () => {
  it('a reviewer writes in the rooms they joined, and nowhere else', () => {
    const joined = rooms();
    expect(mayWrite(joined, CUT)).toBe(true);
    expect(mayWrite(joined, 'asset-not-joined')).toBe(false);
    expect(mayWrite(undefined, CUT)).toBe(false);
  });

  it('demoted to viewer, they stop writing in every room of that project, and only that project', () => {
    const joined = rooms();
    changeRole(joined, 'film', 'viewer');
    expect(mayWrite(joined, CUT)).toBe(false);
    expect(mayWrite(joined, TRAILER)).toBe(false);
    expect(mayWrite(joined, ELSEWHERE)).toBe(true);
  });

  it('promoted back, they write again', () => {
    const joined = rooms();
    changeRole(joined, 'film', 'viewer');
    changeRole(joined, 'film', 'editor');
    expect(mayWrite(joined, CUT)).toBe(true);
  });

  it('a guest writes as their link allows, whatever member roles change', () => {
    const joined = new Map<string, JoinedAsset>([
      [CUT, { projectId: 'film', role: { guest: ['view', 'comment'] } }],
    ]);
    changeRole(joined, 'film', 'viewer');
    expect(mayWrite(joined, CUT)).toBe(true);
    const viewOnly = new Map<string, JoinedAsset>([[CUT, { projectId: 'film', role: { guest: ['view'] } }]]);
    expect(mayWrite(viewOnly, CUT)).toBe(false);
  });
});
