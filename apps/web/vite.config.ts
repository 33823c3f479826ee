import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards the API (HTTP and the graphql-ws socket) so the app and the API share one origin,
// as they do in production where the API serves dist/web.
const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Libraries shared with the API (the secret detector, the post limits, the pages): the browser gets their TypeScript source.
  resolve: {
    alias: {
      '#secrets': fileURLToPath(new URL('../../libs/secrets/src/index.ts', import.meta.url)),
      '#post-limits': fileURLToPath(new URL('../../libs/post-limits/src/index.ts', import.meta.url)),
      '#web-pages': fileURLToPath(new URL('../../libs/web-pages/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // React, Apollo and graphql together are ~500 kB minified (~155 kB gzipped) in the vendor chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: `http://127.0.0.1:${apiPort}`, ws: true, changeOrigin: false },
    },
  },
});
