import type { Comment, FrameRun } from '@cutroom/contracts';
import { compareMarkers } from './compare-notes';

const runs: FrameRun[] = [
  { aStart: 0, bStart: 0, length: 40 },
  { aStart: 50, bStart: 40, length: 30 },
  { aStart: 80, bStart: 100, length: 130 },
];
const dana = { id: '10000000-0000-4000-8000-000000000001', displayName: 'Dana Director' };

function note(n: number, frame: number | null, change: Partial<Comment> = {}): Comment {
  return {
    id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    versionId: '20000000-0000-4000-8000-000000000001',
    assetId: '30000000-0000-4000-8000-000000000001',
    parentId: null,
    author: dana,
    body: `note ${n}`,
    frame,
    frameEnd: null,
    internal: false,
    annotation: null,
    mentions: [],
    hashtags: [],
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    reactions: [],
    createdAt: '2025-06-01T12:00:00.000Z',
    editedAt: null,
    clientId: null,
    ...change,
  };
}

describe('both sides’ notes on the compare timeline', () => {
  it('keeps A’s notes at their frames and puts B’s where A shows the same picture', () => {
    const { a, b } = compareMarkers(
      [note(1, 12), note(2, null), note(3, 20, { parentId: note(1, 0).id })],
      [note(4, 45), note(5, 150, { frameEnd: 160 })],
      { kind: 'map' },
      runs,
      210,
    );
    expect(a.map((m) => [m.frame, m.from])).toEqual([[12, undefined]]);
    expect(b.map((m) => [m.frame, m.frameEnd, m.from, m.label])).toEqual([
      [55, null, 'B', 'Dana Director: note 4'],
      [130, 140, 'B', 'Dana Director: note 5'],
    ]);
  });

  it('leaves out a B note on a shot B added: A has no such picture', () => {
    expect(compareMarkers([], [note(6, 85)], { kind: 'map' }, runs, 210).b).toEqual([]);
  });

  it('by frame number, moves B’s notes back by the offset', () => {
    const { b } = compareMarkers([], [note(7, 85)], { kind: 'offset', offset: 5 }, runs, 210);
    expect(b.map((m) => m.frame)).toEqual([80]);
  });
});
