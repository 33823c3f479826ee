import { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { isPostgres } from './sql.js';

/**
 * Inserts one row and returns its generated id, in one statement. `Repository.insert` and `save` read the row's
 * defaults back after the insert on SQLite (TypeORM has no RETURNING there), a second statement for values the
 * caller already has; PostgreSQL returns the id with RETURNING, SQLite gives it as the last insert rowid.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<number> {
  const insert = manager.createQueryBuilder().insert().into(entity).values(values).updateEntity(false);
  if (isPostgres(manager.connection)) {
    const { raw } = await insert.returning('id').execute();
    return Number((raw as { id: number }[])[0].id);
  }
  return Number((await insert.execute()).raw);
}

/**
 * Runs an UPDATE built by TypeORM with a RETURNING clause (which TypeORM writes on PostgreSQL only; SQLite has had it
 * since 3.35), so that a change and the values it left are one statement. Returns the updated rows' columns.
 */
export async function updateReturning<R>(manager: EntityManager, [sql, parameters]: [string, unknown[]], returning: string): Promise<R[]> {
  const result = await manager.connection.query(`${sql} RETURNING ${returning}`, parameters, manager.queryRunner);
  // PostgreSQL answers an UPDATE with [rows, affected]; SQLite with the rows.
  return (isPostgres(manager.connection) ? (result as [R[], number])[0] : result) as R[];
}
