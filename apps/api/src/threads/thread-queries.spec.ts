import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ReplyEntity } from './reply.entity.js';
import { searchedPostColumns } from './thread-queries.js';
import { ThreadEntity } from './thread.entity.js';

describe('searchedPostColumns', () => {
  let database: DataSource;

  beforeAll(async () => {
    database = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [ThreadEntity, ReplyEntity] });
    await database.initialize();
  });

  afterAll(async () => {
    await database.destroy();
  });

  it("names columns the threads feature's tables have, so search's SQL keeps reading real columns", () => {
    const columns = (entity: typeof ThreadEntity | typeof ReplyEntity) =>
      database.getMetadata(entity).columns.map((column) => column.databaseName);
    expect(database.getMetadata(ThreadEntity).tableName).toBe('threads');
    expect(database.getMetadata(ReplyEntity).tableName).toBe('replies');
    expect(columns(ThreadEntity)).toEqual(expect.arrayContaining([...searchedPostColumns.threads]));
    expect(columns(ReplyEntity)).toEqual(expect.arrayContaining([...searchedPostColumns.replies]));
  });
});
