import { execFileSync } from 'node:child_process';

/**
 * Builds the API into dist/ once, before any test file runs. The suites that spawn the built server or its CLIs
 * read it from there; when each built it itself, one could load a module the other was half-way through writing.
 */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build:api'], { stdio: 'inherit' });
}
