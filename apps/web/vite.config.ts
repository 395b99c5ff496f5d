import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { HLS_FEATURES, hlsEntry, hlsFmp4Only } from './hls-build';

const fromHere = (relativePath: string) => fileURLToPath(new URL(relativePath, import.meta.url));

const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  plugins: [hlsFmp4Only(), react()],
  resolve: {
    // Workspace libs are consumed from source, so the web build never waits for a lib build.
    alias: {
      '@cutroom/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@cutroom/policy': fromHere('../../libs/policy/src/index.ts'),
      '@cutroom/timecode': fromHere('../../libs/timecode/src/index.ts'),
      // hls.js from its sources, trimmed to what Cutroom plays (hls-build.ts).
      'hls.js': hlsEntry,
    },
  },
  define: HLS_FEATURES,
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    // hls.js alone is ~400 kB minified; it is split into the review page's chunk, loaded on demand.
    chunkSizeWarningLimit: 800,
    modulePreload: { polyfill: false },
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
