import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { SqlParameters, sqlRows } from './sql.js';

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
  return (await insertRowIfAbsent(manager, entity, values, null))!;
}

/**
 * As insertRow, unless a row already has the same value in the unique column `uniqueProperty`: then nothing is
 * written and the result is null. On PostgreSQL, a row another transaction is inserting with that value is waited for.
 */
export async function insertRowIfAbsent<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  uniqueProperty: (keyof T & string) | null,
): Promise<number | null> {
  const { driver } = manager.connection;
  const sql = new SqlParameters();
  const row = insertedRow(manager, entity, values, sql);
  const unique = uniqueProperty && manager.connection.getMetadata(entity).findColumnWithPropertyName(uniqueProperty);
  if (uniqueProperty && !unique) throw new Error(`no column ${uniqueProperty}`);
  const unlessTaken = unique ? ` ON CONFLICT (${driver.escape(unique.databaseName)}) DO NOTHING` : '';
  const [inserted] = await sqlRows<{ id: number | string }>(
    manager,
    `INSERT INTO ${row.table} (${row.columns}) VALUES (${row.values})${unlessTaken} RETURNING id`,
    sql.values,
  );
  return inserted ? Number(inserted.id) : null;
}

/**
 * The parts of an INSERT of one row of `entity`: its table and column names, escaped, and its values as parameters of
 * `sql`, stored as TypeORM stores them (the driver's own conversion). Undefined values are left to the column's default.
 */
export function insertedRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  sql: SqlParameters,
): { table: string; columns: string; values: string } {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns: string[] = [];
  const placeholders: string[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    columns.push(driver.escape(column.databaseName));
    placeholders.push(sql.param(driver.preparePersistentValue(value, column)));
  }
  return { table: driver.escape(metadata.tableName), columns: columns.join(', '), values: placeholders.join(', ') };
}
