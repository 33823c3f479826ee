import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ThreadStateSnapshot } from '../events/forum-events.js';
import { EntityManager, EntityTarget, FindOptionsSelect, FindOptionsWhere, Repository } from 'typeorm';
import { ReplyEntity } from './reply.entity.js';
import { threadStatus } from './thread-status.js';
import { ThreadEntity } from './thread.entity.js';

/** What a thread's state is made of; `status` is derived from the rest. */
export interface ThreadState {
  id: number;
  locked: boolean;
  hidden: boolean;
  acceptedReplyId: number | null;
  /** The accepted reply a moderator hid, given back when it is restored (see setReplyHidden). */
  hiddenAcceptedReplyId: number | null;
  /** Who accepted the accepted (or hidden accepted) reply; null for an acceptance made before it was recorded. */
  acceptedById: number | null;
}

/**
 * The changes that touch a thread's state, made inside one transaction that holds the thread's row. Each setter is
 * conditional on the current value and answers whether it changed anything; the status is derived again after each.
 */
export class ThreadStateChange {
  constructor(
    /** The transaction: callers write their own tables (a log row, flags) through it so all commits together. */
    readonly manager: EntityManager,
    /** The thread as read under the lock. */
    readonly thread: ThreadState,
  ) {}

  /** The state as the changes so far leave it, for the event that reports them. */
  snapshot(): ThreadStateSnapshot {
    return { status: threadStatus(this.thread), locked: this.thread.locked, hidden: this.thread.hidden };
  }

  setLocked(locked: boolean): Promise<boolean> {
    return this.set({ locked });
  }

  setHidden(hidden: boolean): Promise<boolean> {
    return this.set({ hidden });
  }

  /**
   * The asker's or staff's (`acceptedById`) choice of answer (null: none). Made after the accepted reply was hidden, it
   * stays when that is restored.
   */
  setAcceptedReply(acceptedReplyId: number | null, acceptedById: number | null): Promise<boolean> {
    if (this.thread.acceptedReplyId === acceptedReplyId) return Promise.resolve(false);
    return this.set({ acceptedReplyId, acceptedById, hiddenAcceptedReplyId: null });
  }

  /**
   * Hides or shows one of the thread's replies and recounts the visible ones. Hiding the accepted reply withdraws the
   * acceptance (as deleting an accepted solution does on most forums): a thread reads ANSWERED only while its answer
   * is visible to everyone. The thread remembers it, and who accepted it, and restoring the reply accepts it again as
   * theirs, unless an answer was accepted since: that later choice stays.
   */
  async setReplyHidden(replyId: number, hidden: boolean): Promise<boolean> {
    const result = await this.manager.update(ReplyEntity, { id: replyId, threadId: this.thread.id, hidden: !hidden }, { hidden });
    if (!result.affected) return false;
    if (hidden && this.thread.acceptedReplyId === replyId) await this.set({ acceptedReplyId: null, hiddenAcceptedReplyId: replyId });
    if (!hidden && this.thread.hiddenAcceptedReplyId === replyId)
      await this.set({ acceptedReplyId: this.thread.acceptedReplyId ?? replyId, hiddenAcceptedReplyId: null });
    await this.manager
      .createQueryBuilder()
      .update(ThreadEntity)
      .set({ replyCount: () => '(SELECT COUNT(*) FROM replies r WHERE r.thread_id = :threadId AND r.hidden = :hidden)' })
      .where('id = :threadId', { threadId: this.thread.id, hidden: false })
      .execute();
    return true;
  }

  private async set(change: Partial<Omit<ThreadState, 'id'>>): Promise<boolean> {
    const keys = Object.keys(change) as (keyof typeof change)[];
    if (keys.every((key) => this.thread[key] === change[key])) return false;
    Object.assign(this.thread, change);
    await this.manager.update(ThreadEntity, { id: this.thread.id }, { ...change, status: threadStatus(this.thread) });
    return true;
  }
}

/**
 * Reads the row inside `manager`'s transaction, holding it until the transaction ends: 'pessimistic_write' to change
 * it, 'pessimistic_read' (FOR SHARE) to write beside it knowing that it stays as read until the commit (a thread's
 * hidden, locked and accepted state, say). On SQLite transactions are queued, so the read alone suffices.
 *
 * On PostgreSQL 'pessimistic_write' is FOR NO KEY UPDATE, not FOR UPDATE: no change here touches an id, and FOR UPDATE
 * would also hold up every insert that merely refers to the row (its foreign key check), such as a post job's
 * notifications. A job that has marked itself done and then waits for the row, while the change holding the row waits
 * to record its own job, is a deadlock.
 */
export function rowUnderLock<Entity extends { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<Entity>,
  id: number,
  mode: 'pessimistic_read' | 'pessimistic_write',
  select?: FindOptionsSelect<Entity>,
): Promise<Entity | null> {
  const postgres = manager.dataSource.options.type === 'postgres';
  const where = { id } as FindOptionsWhere<Entity>;
  const lock = { mode: mode === 'pessimistic_write' ? ('for_no_key_update' as const) : mode };
  return manager.findOne(entity, { ...(select ? { select } : {}), where, ...(postgres ? { lock } : {}) });
}

export function threadUnderLock(
  manager: EntityManager,
  threadId: number,
  mode: 'pessimistic_read' | 'pessimistic_write',
  select?: FindOptionsSelect<ThreadEntity>,
): Promise<ThreadEntity | null> {
  return rowUnderLock(manager, ThreadEntity, threadId, mode, select);
}

/**
 * The one writer of a thread's locked, hidden and accepted state and of the status derived from them. Every change
 * runs in a transaction that first locks the thread's row (SELECT … FOR NO KEY UPDATE on PostgreSQL; on SQLite transactions
 * are queued, see serializeSqliteTransactions), so a lock racing an accept cannot leave a stale status behind.
 */
@Injectable()
export class ThreadStateService {
  constructor(@InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>) {}

  /** Runs `work` holding the thread's row; null when there is no such thread (nothing runs). */
  change<T>(threadId: number, work: (change: ThreadStateChange) => Promise<T>): Promise<{ result: T } | null> {
    return this.threads.manager.transaction(async (manager) => {
      const row = await threadUnderLock(manager, threadId, 'pessimistic_write', {
        id: true,
        locked: true,
        hidden: true,
        acceptedReplyId: true,
        hiddenAcceptedReplyId: true,
        acceptedById: true,
      });
      if (!row) return null;
      const { id, locked, hidden, acceptedReplyId, hiddenAcceptedReplyId, acceptedById } = row;
      // A null column comes back missing from a partial select.
      const state = { id, locked, hidden, acceptedReplyId, hiddenAcceptedReplyId, acceptedById: acceptedById ?? null };
      return { result: await work(new ThreadStateChange(manager, state)) };
    });
  }
}
