import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('importing the library', () => {
  it('loads only the natural modules it needs, never the package root or dotenv, and prints nothing', async () => {
    const script = `
      const { createRequire } = await import('node:module');
      const lib = await import(${JSON.stringify(entry)});
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      process.stderr.write(JSON.stringify({ loaded, exports: Object.keys(lib) }));
    `;
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    });
    const report = JSON.parse(stderr) as { loaded: string[]; exports: string[] };
    expect(stdout).toBe('');
    expect(report.exports).toEqual(expect.arrayContaining(['Matcher', 'ThreadIndex', 'defaultAnswers']));
    expect(report.loaded.some((path) => path.includes('/dotenv/'))).toBe(false);
    expect(report.loaded.some((path) => /natural[\\/]lib[\\/]natural[\\/]index\.js$/.test(path))).toBe(false);
    expect(report.loaded.some((path) => path.includes('porter_stemmer'))).toBe(true);
  });
});
