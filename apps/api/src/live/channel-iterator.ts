/** How many undelivered messages one slow subscriber may have before the oldest are dropped. */
const maxQueued = 100;

/**
 * The async iterator one subscription reads: messages are pushed in, `next()` takes them in order,
 * and `return()` (client complete, socket close) ends it and releases the listener exactly once.
 */
export class ChannelIterator<T, R = T> implements AsyncIterableIterator<R> {
  private readonly queue: R[] = [];
  private readonly waiting: ((result: IteratorResult<R>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly map: (payload: T) => R | null,
    private readonly release: () => void,
  ) {}

  get done(): boolean {
    return this.closed;
  }

  push(payload: T): void {
    if (this.closed) return;
    const value = this.map(payload);
    if (value === null) return;
    const taker = this.waiting.shift();
    if (taker) {
      taker({ value, done: false });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > maxQueued) this.queue.shift();
  }

  next(): Promise<IteratorResult<R>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<R>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<R>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<R> {
    return this;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    for (const taker of this.waiting.splice(0)) taker({ value: undefined, done: true });
    this.release();
  }
}
