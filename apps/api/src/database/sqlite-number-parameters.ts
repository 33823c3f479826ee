import { DataSource, ObjectLiteral } from 'typeorm';

/**
 * TypeORM's SQLite driver writes number parameters into the SQL text (`"id" = 42`), so a statement read by id has
 * new text for every id: better-sqlite3 prepares it again each time and its statement cache (100 texts, first in,
 * first out) keeps evicting the statements every request runs. Bound instead, integers as BigInt so that SQLite gets
 * an INTEGER exactly as the literal was (a JS number binds as REAL), the text stays the same and the statement is reused.
 */
export function bindSqliteNumbers(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const driver = dataSource.driver;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql: string, parameters: ObjectLiteral): [string, unknown[]] => {
    const boxed: ObjectLiteral = {};
    for (const [key, value] of Object.entries(parameters ?? {}))
      boxed[key] = typeof value === 'number' ? new NumberParameter(value) : value;
    const [query, values] = escape(sql, boxed);
    return [query, values.map((value: unknown) => (value instanceof NumberParameter ? value.bound() : value))];
  };
  return dataSource;
}

/** Passes the driver's escaping as an object (bound as a parameter), and is unwrapped before the statement runs. */
class NumberParameter {
  constructor(private readonly value: number) {}

  bound(): number | bigint {
    return Number.isSafeInteger(this.value) ? BigInt(this.value) : this.value;
  }
}
