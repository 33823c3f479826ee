import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Browser tests: the built web app served by the real API, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: {
      '#matcher': fileURLToPath(new URL('../../libs/matcher/src/index.ts', import.meta.url)),
      '#secrets': fileURLToPath(new URL('../../libs/secrets/src/index.ts', import.meta.url)),
      '#post-limits': fileURLToPath(new URL('../../libs/post-limits/src/index.ts', import.meta.url)),
      '#web-pages': fileURLToPath(new URL('../../libs/web-pages/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/browser/**/*.browser-spec.ts'],
    globalSetup: ['test/browser/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    setupFiles: ['reflect-metadata'],
    reporters: process.env.TEST_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.TEST_REPORT_DIR ? { json: `${process.env.TEST_REPORT_DIR}/browser.json` } : undefined,
  },
});
