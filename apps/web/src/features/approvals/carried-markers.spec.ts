import type { CarriedOverComment, CarriedOverList, NotePlacement } from '@cutroom/contracts';
import { carriedMarkers } from './carried-markers';

const v = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const dana = { id: '10000000-0000-4000-8000-000000000001', displayName: 'Dana Director' };

function note(
  n: number,
  frame: number | null,
  placement: NotePlacement | null,
  change: Partial<CarriedOverComment['comment']> = {},
  addressed = false,
): CarriedOverComment {
  return {
    comment: {
      id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      versionId: v(3),
      author: dana,
      body: `note ${n}`,
      frame,
      frameEnd: null,
      internal: false,
      annotation: null,
      createdAt: '2025-06-01T12:00:00.000Z',
      ...change,
    },
    replyCount: 0,
    addressed: addressed ? { versionId: v(4), by: null, at: '2025-06-02T12:00:00.000Z' } : null,
    placement,
  };
}

const list = (comments: CarriedOverComment[]): CarriedOverList => ({
  versionId: v(4),
  fromVersion: { id: v(3), number: 3 },
  comments,
});

describe('carried-over notes on the new version’s timeline', () => {
  it('puts each note at the frame its picture moved to, labelled with the version it came from', () => {
    const markers = carriedMarkers(list([note(1, 120, { status: 'moved', frame: 170, frameEnd: null })]));
    expect(markers).toEqual([
      {
        id: note(1, 0, null).comment.id,
        frame: 170,
        frameEnd: null,
        resolved: false,
        author: dana,
        label: 'Dana Director: note 1',
        from: 'v3',
      },
    ]);
  });

  it('moves a range note’s end with it', () => {
    const [marker] = carriedMarkers(
      list([note(2, 10, { status: 'moved', frame: 40, frameEnd: 55 }, { frameEnd: 25 })]),
    );
    expect([marker.frame, marker.frameEnd]).toEqual([40, 55]);
  });

  it('shows no marker for a note whose shot was cut, nor for a general note', () => {
    expect(carriedMarkers(list([note(3, 90, { status: 'removed' }), note(4, null, null)]))).toEqual([]);
  });

  it('keeps a note at its own frame while the frame map is not known yet', () => {
    expect(carriedMarkers(list([note(5, 33, null)])).map((m) => m.frame)).toEqual([33]);
  });

  it('dims a note already marked addressed in this version', () => {
    const [marker] = carriedMarkers(
      list([note(6, 5, { status: 'moved', frame: 5, frameEnd: null }, {}, true)]),
    );
    expect(marker.resolved).toBe(true);
  });

  it('has nothing to show on a first version', () => {
    expect(carriedMarkers({ versionId: v(1), fromVersion: null, comments: [] })).toEqual([]);
    expect(carriedMarkers(undefined)).toEqual([]);
  });
});
