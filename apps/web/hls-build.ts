import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * hls.js built from its own sources with only what Cutroom's streams use: fMP4 renditions with the
 * sound as a separate rendition (alternate audio), never encrypted. Its prebuilt full build also
 * carries DRM, subtitles, CMCD, content steering, variable substitution and interstitials; its
 * light build drops alternate audio, which our master playlists need.
 */
export const hlsRoot = path.dirname(createRequire(import.meta.url).resolve('hls.js/package.json'));
export const hlsEntry = path.join(hlsRoot, 'src/exports-default.ts');

/** hls.js's own build switches, as `define`s. */
export const HLS_FEATURES = {
  __VERSION__: JSON.stringify(JSON.parse(readFileSync(path.join(hlsRoot, 'package.json'), 'utf8')).version),
  __USE_ALT_AUDIO__: 'true',
  __USE_EME_DRM__: 'false',
  __USE_SUBTITLES__: 'false',
  __USE_CMCD__: 'false',
  __USE_CONTENT_STEERING__: 'false',
  __USE_VARIABLE_SUBSTITUTION__: 'false',
  __USE_M2TS_ADVANCED_CODECS__: 'false',
  __USE_MEDIA_CAPABILITIES__: 'false',
  __USE_INTERSTITIALS__: 'false',
  __USE_IFRAMES__: 'false',
};

/**
 * What the switches cannot leave out, edited out of hls.js's sources as they are built:
 * - the demuxers of formats Cutroom never serves (MPEG-TS, AAC, MP3, AC-3) and the remuxer that
 *   rewrites them as fMP4: our renditions are fMP4 and pass through as they are;
 * - the ID3 timed-metadata track;
 * - capping the rendition to the player's size or to dropped frames, which Cutroom never asks for
 *   (capLevelToPlayerSize and capLevelOnFPSDrop stay false): the viewer picks the quality;
 * - the transmuxing worker's entry, which a source build never starts;
 * - progressive loading (fetch streams), which Cutroom never turns on.
 * Each edit names the exact text it replaces and fails the build when hls.js no longer has it, so
 * an upgrade cannot silently keep (or lose) more than this says.
 */
const EDITS: Record<string, Array<[from: string, to: string]>> = {
  'src/demux/transmuxer.ts': [
    [
      `const muxConfig: MuxConfig[] = [
  { demux: MP4Demuxer, remux: PassThroughRemuxer },
  { demux: TSDemuxer, remux: MP4Remuxer },
  { demux: AACDemuxer, remux: MP4Remuxer },
  { demux: MP3Demuxer, remux: MP4Remuxer },
];`,
      `const muxConfig: MuxConfig[] = [{ demux: MP4Demuxer, remux: PassThroughRemuxer }];`,
    ],
    [`TSDemuxer.probe(initSegmentData, this.logger)`, `false`],
  ],
  // hls.js's own light build leaves its worker out the same way: without a worker bundle, segments
  // are handled on the page (as they already were: a source build has none to inject).
  'src/demux/inject-worker.ts': [[`import './transmuxer-worker';`, ``]],
  // Progressive (streamed fetch) loading, which Cutroom never turns on: segments load whole, by XHR.
  'src/hls.ts': [
    [
      `    if (config.progressive) {
      enableStreamingMode(config, logger);
    }
`,
      ``,
    ],
  ],
  'src/config.ts': [
    [`  id3TrackController: ID3TrackController,\n`, `  id3TrackController: undefined,\n`],
    [`  capLevelController: CapLevelController,\n`, `  capLevelController: undefined,\n`],
    [`  fpsController: FPSController,\n`, `  fpsController: undefined,\n`],
  ],
};

/**
 * Encrypted segments, which Cutroom never makes: their key loading and AES-128 decryption are
 * replaced by stand-ins that refuse (and do nothing on abort, reset or destroy). The build fails if
 * hls.js's class gains or loses a public method, so a stand-in always answers what hls.js asks.
 */
const ENCRYPTED_SEGMENTS = 'This player does not play encrypted segments.';
const STAND_INS: Record<string, { methods: string[]; code: string }> = {
  'src/crypt/decrypter.ts': {
    methods: ['destroy', 'isSync', 'flush', 'reset', 'decrypt'],
    code: `
export default class Decrypter {
  destroy() {}
  isSync() { return false; }
  flush() { return null; }
  reset() {}
  decrypt() { return Promise.reject(new Error(${JSON.stringify(ENCRYPTED_SEGMENTS)})); }
}
`,
  },
  'src/loader/key-loader.ts': {
    methods: ['abort', 'destroy', 'loadClear', 'load'],
    code: `
export default class KeyLoader {
  emeController = null;
  abort() {}
  destroy() {}
  loadClear() { return null; }
  load() { return Promise.reject(new Error(${JSON.stringify(ENCRYPTED_SEGMENTS)})); }
}
`,
  },
};

function publicMethods(source: string): string[] {
  return [...source.matchAll(/^ {2}(?:public )?(\w+)\(/gm)]
    .map((match) => match[1])
    .filter((name) => name !== 'constructor');
}

export function hlsFmp4Only(): Plugin {
  const fileOf = (id: string) => path.relative(hlsRoot, id.split('?')[0]).split(path.sep).join('/');
  return {
    name: 'cutroom-hls-fmp4-only',
    enforce: 'pre',
    load(id) {
      const file = fileOf(id);
      const standIn = STAND_INS[file];
      if (!standIn) return null;
      const methods = publicMethods(readFileSync(path.join(hlsRoot, file), 'utf8'));
      if (methods.join() !== standIn.methods.join())
        this.error(
          `hls.js ${file} now has the methods ${methods.join(', ')}; its stand-in has ${standIn.methods.join(', ')}`,
        );
      return standIn.code;
    },
    transform(code, id) {
      const file = fileOf(id);
      const edits = EDITS[file];
      if (!edits) return null;
      let edited = code;
      for (const [from, to] of edits) {
        if (!edited.includes(from))
          this.error(`hls.js ${file} no longer has the text cutroom-hls-fmp4-only replaces: ${from}`);
        edited = edited.replace(from, to);
      }
      return { code: edited, map: null };
    },
  };
}
