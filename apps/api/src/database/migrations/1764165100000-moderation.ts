import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** At most one open flag per member per post, enforced by the database so two racing requests cannot both succeed. */
export class Moderation1764165100000 implements MigrationInterface {
  name = 'Moderation1764165100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'flags',
      new TableIndex({
        name: 'flags_one_open_per_reporter',
        columnNames: ['post_type', 'post_id', 'reporter_id'],
        isUnique: true,
        where: `status = 'OPEN'`,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('flags', 'flags_one_open_per_reporter');
  }
}
