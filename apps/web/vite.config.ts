import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (relativePath: string) => fileURLToPath(new URL(relativePath, import.meta.url));

/**
 * hls.js built from its own sources with only what Cutroom's streams use: fMP4 renditions with the
 * sound as a separate rendition (alternate audio). Its prebuilt full build also carries DRM,
 * subtitles, CMCD, content steering, variable substitution and interstitials; its light build
 * drops alternate audio, which our master playlists need. These are hls.js's own build switches.
 */
const hlsRoot = path.dirname(createRequire(import.meta.url).resolve('hls.js/package.json'));
const HLS_FEATURES = {
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
const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    // Workspace libs are consumed from source, so the web build never waits for a lib build.
    alias: {
      '@cutroom/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@cutroom/policy': fromHere('../../libs/policy/src/index.ts'),
      '@cutroom/timecode': fromHere('../../libs/timecode/src/index.ts'),
      'hls.js': path.join(hlsRoot, 'src/exports-default.ts'),
    },
  },
  define: HLS_FEATURES,
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    // hls.js alone is ~400 kB minified; it is split into the review page's chunk, loaded on demand.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiOrigin },
      '/socket.io': { target: apiOrigin, ws: true },
    },
  },
});
