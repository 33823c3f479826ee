import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// CI asks for a JSON report (TEST_REPORT_DIR) to print one closing line over every run.
const reportDirectory = process.env.TEST_REPORT_DIR;
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

// SWC compiles the tests so that Nest's decorators get their metadata, as in the built app.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias: { '#matcher': fileURLToPath(new URL('./libs/matcher/src/index.ts', import.meta.url)) } },
  test: {
    include: ['apps/api/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['reflect-metadata'],
    reporters: reportDirectory ? ['default', 'json'] : ['default'],
    outputFile: reportDirectory ? { json: `${reportDirectory}/${engine}.json` } : undefined,
  },
});
