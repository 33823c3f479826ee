// The worker thread of SqliteCheckpoints (sqlite-checkpoints.ts): checkpoints the app's SQLite file on a connection of
// its own, so that copying the WAL into the database does not run on the event loop inside a commit. Plain JavaScript:
// a worker thread loads a file as it is, and the tests run the app from its TypeScript sources.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ path: string, synchronous: string, checkpointPages: number, pollMs: number }} */
const { path, synchronous, checkpointPages, pollMs } = workerData;
const database = new Database(path, { fileMustExist: true });
database.pragma(`synchronous = ${synchronous}`);

/** @returns {{ log: number, checkpointed: number }} pages in the WAL, and how many of them the database has */
function checkpoint(mode) {
  const [{ log, checkpointed }] = database.pragma(`wal_checkpoint(${mode})`);
  return { log, checkpointed };
}

// Only PASSIVE, which never takes the write lock: while RESTART or TRUNCATE holds it, an app transaction that read
// before writing fails at once with SQLITE_BUSY (SQLite runs no busy handler for it), and one that writes first
// blocks the event loop until the lock is free.
function checkpointIfDue() {
  let { log, checkpointed } = checkpoint('NOOP');
  // Due once the WAL has grown this long since it last started over, and until it has all been copied: only then does
  // the app's next commit write the WAL from its beginning again (what it committed during a checkpoint is left).
  if (log < checkpointPages || checkpointed === log) return;
  for (let round = 0; round < 3 && checkpointed < log; round++) ({ log, checkpointed } = checkpoint('PASSIVE'));
}

// An error ends the thread: the app sees it exit and checkpoints in its commits as SQLite does by default.
const timer = setInterval(checkpointIfDue, pollMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  database.close();
  parentPort.close();
});
