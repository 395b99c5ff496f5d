import { clusterMarkers, describeCluster, rangeBands, type MarkerNote } from './marker-clusters';

const note = (id: string, frame: number): MarkerNote => ({
  id,
  frame,
  frameEnd: null,
  resolved: false,
  author: { id: `user-${id}`, displayName: `Person ${id}` },
  label: `Person ${id}: note ${id}`,
});

describe('timeline markers', () => {
  it('keeps markers apart when their 24 px targets do not overlap', () => {
    // 100 frames over 1000 px: 10 px a frame.
    const clusters = clusterMarkers([note('a', 10), note('b', 20), note('c', 50)], 100, 1000);
    expect(clusters.map((c) => c.notes.map((n) => n.id))).toEqual([['a'], ['b'], ['c']]);
    expect(clusters[0].at).toBeCloseTo(0.105);
    expect(clusters[0].frame).toBe(10);
  });

  it('clusters markers closer than a target, in frame order, at the first one', () => {
    const clusters = clusterMarkers([note('c', 12), note('a', 10), note('b', 11), note('d', 40)], 100, 1000);
    expect(clusters.map((c) => c.notes.map((n) => n.id))).toEqual([['a', 'b', 'c'], ['d']]);
    expect(clusters[0].frame).toBe(10);
    expect(describeCluster(clusters[0])).toBe('Person a: note a\nPerson b: note b\nPerson c: note c');
  });

  it('clusters more as the track narrows (a phone) and less as it widens', () => {
    const notes = [note('a', 10), note('b', 14), note('c', 18)];
    expect(clusterMarkers(notes, 100, 250)).toHaveLength(1);
    expect(clusterMarkers(notes, 100, 500)).toHaveLength(2);
    expect(clusterMarkers(notes, 100, 1000)).toHaveLength(3);
  });

  it('has nothing to cluster without notes', () => {
    expect(clusterMarkers([], 0, 0)).toEqual([]);
  });
});

describe('range bands over the scrub bar', () => {
  const range = (id: string, frame: number, frameEnd: number, resolved = false) => ({
    id,
    frame,
    frameEnd,
    resolved,
  });

  it('a few ranges keep a band each, even overlapping', () => {
    expect(rangeBands([range('b', 10, 20), range('a', 15, 30)], 100)).toEqual([
      { id: 'b', frame: 10, frameEnd: 20, resolved: false, count: 1 },
      { id: 'a', frame: 15, frameEnd: 30, resolved: false, count: 1 },
    ]);
  });

  it('many ranges merge where they overlap or nearly touch, resolved only when all are', () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      range(`n${index}`, index * 1000, index * 1000 + 48, true),
    );
    many.push(range('x', 1010, 1200), range('y', 1240, 1300));
    const bands = rangeBands(many, 50);
    expect(bands).toHaveLength(60);
    expect(bands[1]).toEqual({ id: 'n1', frame: 1000, frameEnd: 1300, resolved: false, count: 3 });
    expect(bands[2]).toMatchObject({ frame: 2000, frameEnd: 2048, resolved: true, count: 1 });
  });
});
