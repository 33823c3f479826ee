import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStubWebBuild } from './support/stub-web-build.js';
import { TestApp } from './support/test-app.js';

/** The warnings about WEB_DIST_PATH an app logs while it starts with `webDistPath`. */
async function startupWarnings(webDistPath: string): Promise<string[]> {
  const warnings = vi.spyOn(Logger.prototype, 'warn');
  const app = await TestApp.start({ WEB_DIST_PATH: webDistPath });
  try {
    await expect(app.query('{ health { status } }')).resolves.toEqual({ health: { status: 'ok' } });
    return warnings.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('WEB_DIST_PATH'));
  } finally {
    warnings.mockRestore();
    await app.stop();
  }
}

describe('WEB_DIST_PATH at start', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('warns once, naming the index.html it misses, when the folder holds no web build, and serves the API', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'twofa-no-web-'));
    folders.push(folder);

    const warnings = await startupWarnings(folder);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(folder, 'index.html'));
  });

  it('says nothing when it is empty (API only) or holds a web build', async () => {
    const build = writeStubWebBuild();
    folders.push(build.root);

    await expect(startupWarnings('')).resolves.toEqual([]);
    await expect(startupWarnings(build.root)).resolves.toEqual([]);
  });
});
