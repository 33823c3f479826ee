/**
 * Publish/subscribe for live updates. In-process on one instance; over Redis when several instances
 * share REDIS_URL, so an event raised on one reaches subscribers connected to another.
 * Payloads cross process boundaries as JSON: keep them plain (dates as ISO strings).
 */
export abstract class LivePubSub {
  abstract publish(channel: string, payload: unknown): Promise<void>;

  /**
   * An iterator of the channel's messages, mapped per subscriber (`null` skips one): a message is mapped for every
   * listener in one go as it arrives. It holds a listener until it is returned (the client completes or the socket closes).
   */
  abstract subscribe<T, R = T>(channel: string, map?: (payload: T) => R | null): Promise<AsyncIterableIterator<R>>;

  /** Listeners currently held, on one channel or on all of them: the tests check nothing leaks. */
  abstract listenerCount(channel?: string): number;
}

/** The channels, in one place so publishers and subscribers agree. */
export const liveChannels = {
  thread: (threadId: number) => `thread:${threadId}`,
  forum: () => 'forum',
  notifications: (userId: number) => `notifications:${userId}`,
  /** Changes to what the staff queues list (staff only). */
  staffQueues: () => 'staff-queues',
  /** Sessions ended, roles and two-factor sign-in changed, so that every instance ends the sockets they affect. */
  accounts: () => 'accounts',
};

/** On the accounts channel: end the sockets of this session, or of this user. */
export type AccountChange = { sessionHash: string } | { userId: number };
