import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's (or the bot's) first reply in a thread, which the bot looks up before it answers: with only the author
 * index, SQLite read every reply the bot ever wrote to find the one in this thread. Plain SQL: TypeORM's createIndex
 * reads the table's metadata first, and on PostgreSQL the generated search column sends it to a table we do not keep.
 */
export class RepliesByThreadAndAuthor1764600000000 implements MigrationInterface {
  name = 'RepliesByThreadAndAuthor1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX replies_thread_author ON replies (thread_id, author_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX replies_thread_author');
  }
}
