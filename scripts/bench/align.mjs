// npm run bench:align — the frame map between two 2-hour versions at 24 fps (172,800 frames of
// 8×8 signatures): b re-encodes a (noise), inserts shots, cuts single frames and stretches, trims
// shot heads and tails and moves two shots. Prints the alignment time and, in the same run, a plain
// baseline over the same arrays: one hash-map pass matching identical signatures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { root } from './harness.mjs';

const dist = path.join(root, 'libs/media/dist/index.js');
if (!existsSync(dist)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const media = await import(dist);
const SHOT = 96;
const FRAMES = 172_800;
const shots = FRAMES / SHOT;
const a = media.syntheticSignatures(shots, SHOT, 3);
const extra = media.syntheticSignatures(40, SHOT, 4);

// The re-edit: every 40th shot gets a new shot before it, every 25th loses a frame in its middle,
// every 60th loses 12 frames at its head, every 90th its last 20; shots 500 and 1200 swap places.
const order = Array.from({ length: shots }, (_, shot) => shot);
[order[500], order[1200]] = [order[1200], order[500]];
const sources = [];
let inserted = 0;
for (const shot of order) {
  if (shot % 40 === 0 && inserted < 40) {
    for (let k = 0; k < SHOT; k += 1) sources.push(-1);
    inserted += 1;
  }
  for (let k = 0; k < SHOT; k += 1) {
    if (shot % 25 === 0 && k === SHOT / 2) continue;
    if (shot % 60 === 0 && k < 12) continue;
    if (shot % 90 === 0 && k >= SHOT - 20) continue;
    sources.push(shot * SHOT + k);
  }
}
const b = media.editSignatures(a, sources, { extra, noise: 2 });

function fnv(bytes, start, length) {
  let hash = 0x811c9dc5;
  for (let k = start; k < start + length; k += 1) hash = Math.imul(hash ^ bytes[k], 0x01000193);
  return hash >>> 0;
}
function baseline() {
  const size = media.SIGNATURE_BYTES;
  const index = new Map();
  for (let j = 0; j < b.length / size; j += 1) index.set(fnv(b, j * size, size), j);
  let found = 0;
  for (let i = 0; i < a.length / size; i += 1) if (index.has(fnv(a, i * size, size))) found += 1;
  return found;
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const alignTimes = [];
const baseTimes = [];
let runs = [];
let exactBaseline = 0;
for (let round = 0; round < 5; round += 1) {
  let started = performance.now();
  exactBaseline = baseline();
  baseTimes.push(performance.now() - started);
  started = performance.now();
  runs = media.alignSignatures(a, b);
  alignTimes.push(performance.now() - started);
}

const expected = new Int32Array(FRAMES).fill(-1);
sources.forEach((source, position) => {
  if (source >= 0) expected[source] = position;
});
const actual = media.frameMapOf(runs, FRAMES);
let surviving = 0;
let exact = 0;
let offByOne = 0;
let cutMapped = 0;
for (let frame = 0; frame < FRAMES; frame += 1) {
  if (expected[frame] < 0) {
    if (actual[frame] >= 0) cutMapped += 1;
    continue;
  }
  surviving += 1;
  if (actual[frame] === expected[frame]) exact += 1;
  else if (actual[frame] >= 0 && Math.abs(actual[frame] - expected[frame]) === 1) offByOne += 1;
}
const alignMs = median(alignTimes);
const baseMs = median(baseTimes);
console.log(
  `\nalign: two 2-hour versions, ${FRAMES} and ${b.length / media.SIGNATURE_BYTES} frames (${media.SIGNATURE_BYTES}-byte signatures), median of 5 rounds, one core`,
);
console.log(
  `baseline: hash-map exact matches      ${baseMs.toFixed(0).padStart(6)} ms   (${exactBaseline} frames matched)`,
);
console.log(
  `cutroom frame map                     ${alignMs.toFixed(0).padStart(6)} ms   (${runs.length} runs; goal <= 2000 ms)`,
);
console.log(`ratio frame map/baseline: ${(alignMs / baseMs).toFixed(2)}x`);
console.log(
  `surviving frames at their exact frame: ${((100 * exact) / surviving).toFixed(2)}% of ${surviving}; one frame off: ${offByOne}; cut frames mapped: ${cutMapped}`,
);
