import type { EventEmitter } from 'node:events';
import { Queue, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { OutageSafeQueue, OutageSafeWorker } from './outage-safe-bullmq.js';

// Nothing listens on port 1: the connection fails, as while Redis is down, and is not tried again.
const connection = { url: 'redis://127.0.0.1:1', retryStrategy: () => null };

/** What BullMQ does when a connection closed before it ever came up hears of its failed first attempt. */
function reportAfterClose(connection: EventEmitter): () => void {
  return () => {
    connection.removeAllListeners();
    connection.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:1'));
  };
}

const connectionsOf = (emitter: Queue | Worker): EventEmitter[] => {
  const internals = emitter as unknown as { connection: EventEmitter; blockingConnection?: EventEmitter };
  return [internals.connection, internals.blockingConnection].filter((each): each is EventEmitter => each !== undefined);
};

describe('BullMQ queue and worker that outlive a Redis outage while closing', () => {
  const made: (Queue | Worker)[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((each) => each.close()));
  });
  const failed = async (each: Queue | Worker) => {
    made.push(each);
    await each.waitUntilReady().catch(() => undefined);
    return each;
  };

  it("a plain queue's connection throws there: the unhandled rejection", async () => {
    const [queueConnection] = connectionsOf(await failed(new Queue('probe', { connection })));
    expect(reportAfterClose(queueConnection)).toThrow(/ECONNREFUSED/);
    queueConnection.on('error', () => undefined);
  });

  it('the post jobs queue and worker keep listening to errors on every connection', async () => {
    const queue = await failed(new OutageSafeQueue('probe', { connection }));
    const worker = await failed(new OutageSafeWorker('probe', async () => undefined, { connection, autorun: false }));
    const connections = [...connectionsOf(queue), ...connectionsOf(worker)];
    expect(connections).toHaveLength(3);
    for (const each of connections) expect(reportAfterClose(each)).not.toThrow();
  });
});
