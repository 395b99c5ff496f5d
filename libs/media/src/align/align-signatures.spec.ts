import { alignSignatures, mapFrame } from './align-signatures';
import { editSignatures, frameMapOf, frameRange, syntheticSignatures } from './synthetic-signatures';

const SHOT = 120;
const a = syntheticSignatures(5, SHOT, 11);
const aFrames = 5 * SHOT;
const newShot = syntheticSignatures(1, 48, 99);

/** Aligns a with the edit `sources` of it and checks every frame of a lands where the edit put it. */
function expectExact(sources: number[], options: { noise?: number } = {}) {
  const b = editSignatures(a, sources, { extra: newShot, noise: options.noise });
  const runs = alignSignatures(a, b);
  const expected = new Int32Array(aFrames).fill(-1);
  sources.forEach((source, position) => {
    if (source >= 0) expected[source] = position;
  });
  const actual = frameMapOf(runs, aFrames);
  const wrong = [...expected.keys()].filter((frame) => actual[frame] !== expected[frame]);
  expect(wrong.map((frame) => [frame, expected[frame], actual[frame]])).toEqual([]);
  return runs;
}

describe('alignSignatures', () => {
  it('maps a re-encoded copy frame for frame in one run', () => {
    expect(expectExact(frameRange(0, aFrames - 1), { noise: 3 })).toEqual([
      { aStart: 0, bStart: 0, length: aFrames },
    ]);
  });

  it('leaves an inserted shot unmapped and shifts everything after it', () => {
    const runs = expectExact([...frameRange(0, 199), ...Array(48).fill(-1), ...frameRange(200, aFrames - 1)]);
    expect(runs).toEqual([
      { aStart: 0, bStart: 0, length: 200 },
      { aStart: 200, bStart: 248, length: aFrames - 200 },
    ]);
  });

  it('ends runs exactly where frames were cut inside a moving shot, one frame or many', () => {
    expectExact([...frameRange(0, 149), ...frameRange(151, 299), ...frameRange(330, aFrames - 1)]);
  });

  it('finds a shot moved to another place and a shot trimmed at both ends', () => {
    expectExact([
      ...frameRange(2 * SHOT, 3 * SHOT - 1),
      ...frameRange(0, 2 * SHOT - 1),
      ...frameRange(3 * SHOT + 10, 4 * SHOT - 15),
      ...frameRange(4 * SHOT, aFrames - 1),
    ]);
  });

  it('finds nothing between unrelated versions, and nothing in an empty one', () => {
    expect(alignSignatures(a, syntheticSignatures(3, 100, 1234))).toEqual([]);
    expect(alignSignatures(a, new Uint8Array(0))).toEqual([]);
    expect(alignSignatures(new Uint8Array(0), a)).toEqual([]);
  });
});

describe('mapFrame', () => {
  const runs = [
    { aStart: 0, bStart: 10, length: 5 },
    { aStart: 8, bStart: 0, length: 2 },
  ];
  it('puts a frame at its place in b, or nowhere when it was cut', () => {
    expect([0, 4, 5, 8, 9, 10].map((frame) => mapFrame(runs, frame))).toEqual([10, 14, null, 0, 1, null]);
  });
});
