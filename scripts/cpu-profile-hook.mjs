/**
 * Preloaded into the server by `npm run bench:api -- --profile DIR`: each SIGWINCH (Nest's shutdown hooks take SIGUSR2) writes the CPU profile taken
 * since the previous one to DIR/<n>.cpuprofile (n counts from 1) and starts the next, so the bench can profile
 * one operation at a time. Read them with scripts/cpu-profile-summary.ts or Chrome DevTools.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const directory = process.env.CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let count = 0;
  let busy = Promise.resolve();
  process.on('SIGWINCH', () => {
    busy = busy.then(async () => {
      const { profile } = await session.post('Profiler.stop');
      const file = join(directory, `${++count}.cpuprofile`);
      // Written whole, then renamed: the bench waits for the name.
      writeFileSync(`${file}.part`, JSON.stringify(profile));
      renameSync(`${file}.part`, file);
      await session.post('Profiler.start');
    });
  });
}
