import { QueryRunner, TableColumnOptions } from 'typeorm';

/** Helpers that keep one migration portable between SQLite and PostgreSQL. */
export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'postgres';
}

export function idColumn(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function timestampColumn(queryRunner: QueryRunner, name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type: isPostgres(queryRunner) ? 'timestamptz' : 'datetime', ...options };
}
