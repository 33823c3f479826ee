import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff dashboard reads its queue counts (BotReviewService.counts) again on every queue change. With only the
 * (status, id) index on bot_suggestions and none for unreplied questions, that read every open question: 16 ms on
 * SQLite and 25 ms on PostgreSQL at 50,000 (npm run bench:staff-queues). Now each count reads only what can wait:
 * - the unreplied open questions, for NO_SUGGESTION, by a partial index: most questions get a reply (the bot's, if no
 *   one else's) soon after they are asked. Its condition is written as the query writes its own
 *   (thread-queries.ts unrepliedOpenQuestions), for SQLite's sake (see 1764900000000); status and hidden lead it, so
 *   that SQLite, which keeps no statistics here, prefers it to the (status, last_activity_at) index;
 * - the suggestions in a queue's status, by a (status, id) index that now covers the thread and the time they are
 *   joined by, so that SQLite starts from them rather than from the open threads, as the queue's pages did already.
 * Then 3.6 ms on SQLite and 20 ms on PostgreSQL, whose planner still hash-joins the threads for the thousands of
 * suggestions staff answered by hand (they keep their status). Plain SQL: TypeORM's dropIndex reads the table's
 * metadata first.
 */
export class StaffQueueIndexes1765050000000 implements MigrationInterface {
  name = 'StaffQueueIndexes1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX threads_unreplied ON threads (status, hidden, id) WHERE reply_count = 0');
    await queryRunner.query('CREATE INDEX bot_suggestions_queue ON bot_suggestions (status, id, thread_id, created_at)');
    await queryRunner.query('DROP INDEX "IDX_a0fa01a9463b584dbfff5a4850"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_a0fa01a9463b584dbfff5a4850" ON bot_suggestions (status, id)');
    await queryRunner.query('DROP INDEX bot_suggestions_queue');
    await queryRunner.query('DROP INDEX threads_unreplied');
  }
}
