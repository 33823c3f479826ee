import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { ContentGeneration } from '../events/content-generation.js';
import { MarkdownService, rendererVersion } from '../markdown/markdown.service.js';
import { ReplyEntity } from './reply.entity.js';
import { ThreadEntity } from './thread.entity.js';

const batchSize = 200;

/**
 * Re-cooks, in the background after start-up, the posts whose stored HTML an older renderer made (or that
 * were never cooked), a batch at a time. Resumable and safe with several instances: each row is written only
 * while its version is still old and its body unchanged, so a restart, a concurrent instance or an edit
 * in between never loses anything, at worst renders a post twice.
 */
@Injectable()
export class PostCookingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PostCooking');
  private stopping = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly markdown: MarkdownService,
    private readonly generation: ContentGeneration,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: start-up does not wait for old posts; until re-cooked they show their previous HTML.
    this.running = this.recookAll().then(
      (count) => {
        if (count > 0) this.logger.log(`Re-cooked ${count} posts for renderer version ${rendererVersion}`);
      },
      (error: unknown) =>
        this.logger.warn(`Re-cooking stopped, resumes at the next start: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Re-cooks every stale post; returns how many this instance wrote. */
  private async recookAll(): Promise<number> {
    let count = 0;
    for (const entity of [ThreadEntity, ReplyEntity]) {
      while (!this.stopping) {
        const written = await this.recookBatch(entity);
        if (written === null) break;
        count += written;
        if (written > 0) await this.generation.bump();
        // Let requests in between batches: on SQLite every statement runs on the one thread.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return count;
  }

  /** null when no stale row is left. */
  private async recookBatch(entity: typeof ThreadEntity | typeof ReplyEntity): Promise<number | null> {
    const rows: { id: number; body: string }[] = await this.dataSource.getRepository(entity).find({
      select: { id: true, body: true },
      where: { bodyHtmlVersion: LessThan(rendererVersion) },
      order: { id: 'ASC' },
      take: batchSize,
    });
    if (rows.length === 0) return null;
    const cooked = rows.map((row) => ({ row, html: this.markdown.cook(row.body) }));
    let written = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const { row, html } of cooked) {
        const result = await manager
          .getRepository(entity)
          .update({ id: row.id, body: row.body, bodyHtmlVersion: LessThan(rendererVersion) }, html);
        written += result.affected ?? 0;
      }
    });
    return written;
  }
}
