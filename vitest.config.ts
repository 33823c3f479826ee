import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (TEST_REPORT_DIR) to print one closing line over every run.
const reportDirectory = process.env.TEST_REPORT_DIR;
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export default defineConfig({
  test: {
    maxWorkers: 2,
    reporters: reportDirectory ? ['default', 'json'] : ['default'],
    outputFile: reportDirectory ? { json: `${reportDirectory}/${engine}.json` } : undefined,
    projects: [
      {
        // SWC compiles the tests so that Nest's decorators get their metadata, as in the built app.
        plugins: [swc.vite({ module: { type: 'es6' } })],
        resolve: {
          alias: {
            '#matcher': fileURLToPath(new URL('./libs/matcher/src/index.ts', import.meta.url)),
            '#secrets': fileURLToPath(new URL('./libs/secrets/src/index.ts', import.meta.url)),
            '#post-limits': fileURLToPath(new URL('./libs/post-limits/src/index.ts', import.meta.url)),
            '#web-pages': fileURLToPath(new URL('./libs/web-pages/src/index.ts', import.meta.url)),
          },
        },
        test: {
          name: 'node',
          include: ['apps/api/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'libs/*/scripts/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          setupFiles: ['reflect-metadata'],
          // The built API, for the suites that spawn it (a server killed mid-job, the first run, the CLIs).
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        // Web component tests. Named *.spec.tsx, not *.test.tsx: `vitest run test` (CI's e2e run) matches paths containing "test".
        plugins: [react()],
        resolve: {
          alias: {
            '#secrets': fileURLToPath(new URL('./libs/secrets/src/index.ts', import.meta.url)),
            '#post-limits': fileURLToPath(new URL('./libs/post-limits/src/index.ts', import.meta.url)),
            '#web-pages': fileURLToPath(new URL('./libs/web-pages/src/index.ts', import.meta.url)),
          },
        },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.spec.{ts,tsx}'],
          environment: 'happy-dom',
          pool: 'forks',
        },
      },
    ],
  },
});
