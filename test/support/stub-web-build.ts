import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built web app in miniature, in a folder of its own, for WEB_DIST_PATH: the shell, one script and its source map. */
export interface StubWebBuild {
  readonly root: string;
  /** The source file the script's map names: what serving the map would publish. */
  readonly mappedSource: string;
  remove(): void;
}

export function writeStubWebBuild(): StubWebBuild {
  const root = mkdtempSync(join(tmpdir(), 'twofa-web-'));
  const mappedSource = 'secret.ts';
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
  writeFileSync(join(root, 'assets', 'app.js.map'), JSON.stringify({ version: 3, sources: [mappedSource] }));
  return { root, mappedSource, remove: () => rmSync(root, { recursive: true, force: true }) };
}
