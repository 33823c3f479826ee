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
  const metadata = manager.connection.getMetadata(entity);
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  };
  const sql = new SqlParameters();
  const columns: string[] = [];
  const placeholders: string[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = columnOf(property);
    columns.push(driver.escape(column.databaseName));
    placeholders.push(sql.param(driver.preparePersistentValue(value, column)));
  }
  const unlessTaken = uniqueProperty ? ` ON CONFLICT (${driver.escape(columnOf(uniqueProperty).databaseName)}) DO NOTHING` : '';
  const [row] = await sqlRows<{ id: number | string }>(
    manager,
    `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})${unlessTaken} RETURNING id`,
    sql.values,
  );
  return row ? Number(row.id) : null;
}
