import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the web app once into dist/web; every suite's API serves it from there. */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_WEB_BUILD === '1') return;
  await build({ configFile: fileURLToPath(new URL('../../../apps/web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
