import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, ObjectLiteral, ObjectType } from 'typeorm';
import { ContentGeneration } from '../events/content-generation.js';
import { MarkdownService, rendererVersion } from '../markdown/markdown.service.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionEntity } from './revision.entity.js';
import { ThreadEntity } from './thread.entity.js';

const batchSize = 200;

/** A table that stores markdown with its cooked HTML: which properties hold the markdown, the HTML and its version. */
interface CookedTable<Entity extends ObjectLiteral = ObjectLiteral> {
  entity: ObjectType<Entity>;
  markdown: keyof Entity & string;
  html: keyof Entity & string;
  version: keyof Entity & string;
}

/** Checks the property names against the entity's. */
function cookedTable<Entity extends ObjectLiteral>(table: CookedTable<Entity>): CookedTable {
  return table as CookedTable;
}

const cookedTables = [
  cookedTable({ entity: ThreadEntity, markdown: 'body', html: 'bodyHtml', version: 'bodyHtmlVersion' }),
  cookedTable({ entity: ReplyEntity, markdown: 'body', html: 'bodyHtml', version: 'bodyHtmlVersion' }),
  // Last: an edit copies its post's HTML into the revision as it is, so one made while the posts above were
  // re-cooked may have copied HTML of the older renderer.
  cookedTable({ entity: RevisionEntity, markdown: 'previousBody', html: 'previousBodyHtml', version: 'previousBodyHtmlVersion' }),
];

/**
 * Re-cooks, in the background after start-up, the posts and the revisions of their edits whose stored HTML an
 * older renderer made (or that were never cooked), a batch at a time. Resumable and safe with several instances:
 * each row is written only while its version is still old and its markdown unchanged, so a restart, a concurrent
 * instance or an edit in between never loses anything, at worst renders a text twice.
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
        if (count > 0) this.logger.log(`Re-cooked ${count} posts and revisions for renderer version ${rendererVersion}`);
      },
      (error: unknown) =>
        this.logger.warn(`Re-cooking stopped, resumes at the next start: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Re-cooks every stale post and revision; returns how many this instance wrote. */
  private async recookAll(): Promise<number> {
    let count = 0;
    for (const table of cookedTables) {
      while (!this.stopping) {
        const written = await this.recookBatch(table);
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
  private async recookBatch(table: CookedTable): Promise<number | null> {
    const stale = { [table.version]: LessThan(rendererVersion) };
    const rows = await this.dataSource.getRepository(table.entity).find({
      select: { id: true, [table.markdown]: true },
      where: stale,
      order: { id: 'ASC' },
      take: batchSize,
    });
    if (rows.length === 0) return null;
    const cooked = rows.map((row) => {
      const { bodyHtml, bodyHtmlVersion } = this.markdown.cook(row[table.markdown] as string);
      return { row, html: { [table.html]: bodyHtml, [table.version]: bodyHtmlVersion } };
    });
    let written = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const { row, html } of cooked) {
        const result = await manager
          .getRepository(table.entity)
          .update({ ...stale, id: row.id as number, [table.markdown]: row[table.markdown] as string }, html);
        written += result.affected ?? 0;
      }
    });
    return written;
  }
}
