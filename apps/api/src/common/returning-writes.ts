import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { isPostgres, SqlParameters, sqlRows } from './sql.js';

/**
 * Inserts one row and returns its generated id, in one statement (`INSERT ... RETURNING id`, which SQLite has had
 * since 3.35). The statement is written from the entity's column names and the values are stored as TypeORM stores
 * them (the driver's own conversion), without the query builder: building a statement costs more CPU than running it.
 * `Repository.insert` and `save` also read the row's defaults back on SQLite, a second statement for values the
 * caller already has. Undefined values are left to the column's default.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
): Promise<number> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const sql = new SqlParameters();
  const columns: string[] = [];
  const placeholders: string[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    columns.push(driver.escape(column.databaseName));
    placeholders.push(sql.param(driver.preparePersistentValue(value, column)));
  }
  const [row] = await sqlRows<{ id: number | string }>(
    manager,
    `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
    sql.values,
  );
  return Number(row.id);
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
