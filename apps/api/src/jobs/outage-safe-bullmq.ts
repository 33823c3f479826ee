import type { EventEmitter } from 'node:events';
import { Queue, type QueueOptions, Worker, type WorkerOptions } from 'bullmq';

const ignore = () => undefined;

/**
 * BullMQ 5 reports a connection's failed first attempt as an 'error' event from inside a promise, and closing a
 * connection removes all its listeners: closed while Redis was down, the connection then emitted 'error' with no
 * listener, which throws, there as an unhandled rejection that ends a Node process. This keeps one 'error' listener
 * through close. (BullMQ 6 fixes it, but its workers never finish closing while Redis is down.)
 */
function keepErrorListener(connection: EventEmitter): void {
  const removeAllListeners = connection.removeAllListeners.bind(connection);
  connection.removeAllListeners = (event?: string | symbol) => {
    removeAllListeners(event);
    if (event === undefined || event === 'error') connection.on('error', ignore);
    return connection;
  };
}

/** The post jobs queue (`BullModule.queueClass`). */
export class OutageSafeQueue extends Queue {
  constructor(name: string, options?: QueueOptions) {
    super(name, options);
    keepErrorListener(this.connection);
  }
}

/** The post jobs worker (`BullModule.workerClass`). */
export class OutageSafeWorker extends Worker {
  constructor(name: string, processor?: ConstructorParameters<typeof Worker>[1], options?: WorkerOptions) {
    super(name, processor, options);
    // BullMQ keeps its blocking connection private.
    for (const connection of [this.connection, (this as unknown as { blockingConnection: EventEmitter }).blockingConnection]) {
      keepErrorListener(connection);
    }
  }
}
