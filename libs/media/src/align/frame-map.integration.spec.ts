import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from '../binaries';
import { readFrameCodes } from '../frame-code';
import { SIGNATURE_BYTES, SIGNATURES_FILE } from '../frame-signatures';
import { transcodeToHls } from '../hls-transcode';
import { probeMedia } from '../probe';
import { generateReedit, generateReeditSource, REEDIT_CODE_CROP } from '../reedit-clips';
import { useTempDir } from '../test-support/temp-dir';
import { alignSignatures, mapFrame } from './align-signatures';

// Real ffmpeg: v1 is four moving shots with each frame's index drawn in a corner; v2 re-edits it
// (ten frames cut inside a shot, one frame cut, the end of a shot and the head of the next cut, a
// new shot inserted), scaled to 256×144 and re-encoded at 300 kb/s. Both go through the ladder,
// whose run writes the signatures; the frame map is checked against the indices read from v2.
jest.setTimeout(240_000);
const work = useTempDir('frame-map');
const SHOTS = [50, 60, 45, 55];
const FRAMES = SHOTS.reduce((sum, frames) => sum + frames, 0);
const CUT: Array<number | [number, number]> = [[40, 49], 100, [150, 160]];

let system: MediaBinaries;
beforeAll(async () => {
  system = await resolveMediaBinaries();
});

async function signaturesOf(file: string, binaries: MediaBinaries, name: string) {
  const probed = await probeMedia(file, { ffprobePath: system.ffprobePath });
  if (!probed.ok) throw new Error(probed.problem.reason);
  const outputDir = path.join(work.path(), name);
  const signaturesPath = path.join(outputDir, SIGNATURES_FILE);
  const result = await transcodeToHls({
    binaries,
    input: file,
    outputDir,
    probe: probed.probe,
    ladder: { rungs: [180] },
    encoder: { preset: 'ultrafast' },
    signaturesPath,
  });
  return { signatures: new Uint8Array(await readFile(signaturesPath)), frameCount: result.frameCount };
}

describe('the frame map of a re-edited, re-encoded version', () => {
  let v1: { signatures: Uint8Array; frameCount: number };
  let v2: { signatures: Uint8Array; frameCount: number };
  let v2Codes: number[];

  beforeAll(async () => {
    const v1File = path.join(work.path(), 'v1.mp4');
    const v2File = path.join(work.path(), 'v2.mp4');
    await generateReeditSource({ path: v1File, shotFrames: SHOTS, ffmpegPath: system.ffmpegPath });
    await generateReedit({
      source: v1File,
      path: v2File,
      cut: CUT,
      insert: { at: 70, frames: 30 },
      width: 256,
      height: 144,
      bitrateKbps: 300,
      ffmpegPath: system.ffmpegPath,
    });
    v1 = await signaturesOf(v1File, system, 'v1');
    v2 = await signaturesOf(v2File, system, 'v2');
    v2Codes = await readFrameCodes(v2File, { ffmpegPath: system.ffmpegPath, filter: REEDIT_CODE_CROP });
  });

  it('writes one 64-byte signature per frame of the renditions', () => {
    expect(v1.frameCount).toBe(FRAMES);
    expect(v1.signatures.length).toBe(FRAMES * SIGNATURE_BYTES);
    expect(v2.signatures.length).toBe(v2.frameCount * SIGNATURE_BYTES);
    expect(v2Codes).toHaveLength(v2.frameCount);
  });

  it('puts every surviving frame at the v2 frame showing its index, and no cut frame anywhere', () => {
    const runs = alignSignatures(v1.signatures, v2.signatures);
    const whereInV2 = new Map(v2Codes.map((code, position) => [code, position]));
    const cut = new Set(CUT.flatMap((drop) => (typeof drop === 'number' ? [drop] : range(drop[0], drop[1]))));
    // The reading itself: every v1 frame not cut is in v2 once, the cut ones are not.
    for (let frame = 0; frame < FRAMES; frame += 1) expect(whereInV2.has(frame)).toBe(!cut.has(frame));

    const misplaced: Array<[number, number | null, number | undefined]> = [];
    let exact = 0;
    for (let frame = 0; frame < FRAMES; frame += 1) {
      const mapped = mapFrame(runs, frame);
      const expected = whereInV2.get(frame);
      if (mapped === (expected ?? null)) exact += cut.has(frame) ? 0 : 1;
      else misplaced.push([frame, mapped, expected]);
    }
    const surviving = FRAMES - cut.size;
    expect(misplaced.filter(([frame]) => cut.has(frame))).toEqual([]);
    expect(
      misplaced.filter(([, mapped, expected]) => mapped === null || Math.abs(mapped - expected!) > 1),
    ).toEqual([]);
    expect(exact / surviving).toBeGreaterThanOrEqual(0.99);
  });

  it('writes the same signatures with the bundled ffmpeg 4.1: the map between the two is the identity', async () => {
    const shipped = await resolveMediaBinaries({ preferNpm: true });
    const v1Old = await signaturesOf(path.join(work.path(), 'v1.mp4'), shipped, 'v1-shipped');
    expect(v1Old.signatures.length).toBe(FRAMES * SIGNATURE_BYTES);
    expect(alignSignatures(v1.signatures, v1Old.signatures)).toEqual([
      { aStart: 0, bStart: 0, length: FRAMES },
    ]);
  });
});

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}
