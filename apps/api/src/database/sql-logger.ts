import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/** Counts every SQL statement (the N+1 tests read it) and logs failures and slow queries. */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');
  queryCount = 0;

  logQuery(): void {
    this.queryCount++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`${error instanceof Error ? error.message : error} -- ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }

  /** What the migrations did (and `migration:show` lists): TypeORM reports it all here. */
  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
