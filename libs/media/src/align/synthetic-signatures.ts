import { SIGNATURE_BYTES } from '../frame-signatures';

/** A small seeded random generator (mulberry32): the same edits and noise on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Signatures of `shots` moving shots (`framesPerShot` frames each): every thumbnail pixel drifts
 * along its own wave, so neighbouring frames differ a little and other shots a lot, as in footage.
 */
export function syntheticSignatures(shots: number, framesPerShot: number, seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const out = new Uint8Array(shots * framesPerShot * SIGNATURE_BYTES);
  const base = new Float64Array(SIGNATURE_BYTES);
  const phase = new Float64Array(SIGNATURE_BYTES);
  const speed = new Float64Array(SIGNATURE_BYTES);
  for (let shot = 0; shot < shots; shot += 1) {
    for (let k = 0; k < SIGNATURE_BYTES; k += 1) {
      base[k] = 40 + random() * 170;
      phase[k] = random() * Math.PI * 2;
      speed[k] = 0.05 + random() * 0.15;
    }
    for (let t = 0; t < framesPerShot; t += 1) {
      const at = (shot * framesPerShot + t) * SIGNATURE_BYTES;
      for (let k = 0; k < SIGNATURE_BYTES; k += 1)
        out[at + k] = Math.round(base[k] + 40 * Math.sin(phase[k] + speed[k] * t));
    }
  }
  return out;
}

/**
 * Version b of `a`: its frames `sources` in that order (-1: a frame from `extra`, the next one),
 * each pixel moved by up to ±`noise` levels as a re-encode does.
 */
export function editSignatures(
  a: Uint8Array,
  sources: readonly number[],
  options: { extra?: Uint8Array; noise?: number; seed?: number } = {},
): Uint8Array {
  const random = seededRandom(options.seed ?? 7);
  const noise = options.noise ?? 2;
  const out = new Uint8Array(sources.length * SIGNATURE_BYTES);
  let extraFrame = 0;
  sources.forEach((source, position) => {
    const from = source >= 0 ? a : options.extra;
    const frame = source >= 0 ? source : extraFrame++;
    if (!from) throw new Error('an added frame needs `extra` signatures');
    for (let k = 0; k < SIGNATURE_BYTES; k += 1) {
      const value = from[frame * SIGNATURE_BYTES + k] + Math.round((random() * 2 - 1) * noise);
      out[position * SIGNATURE_BYTES + k] = Math.max(0, Math.min(255, value));
    }
  });
  return out;
}

/** Frame numbers first…last inclusive. */
export function frameRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/** For each frame of a, the frame of b the runs put it at, or -1. */
export function frameMapOf(
  runs: ReadonlyArray<{ aStart: number; bStart: number; length: number }>,
  aFrames: number,
): Int32Array {
  const map = new Int32Array(aFrames).fill(-1);
  for (const run of runs) for (let k = 0; k < run.length; k += 1) map[run.aStart + k] = run.bStart + k;
  return map;
}
