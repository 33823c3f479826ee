import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { Repository } from 'typeorm';
import { decodeIdCursor } from '../common/cursor.js';
import { PageArgs } from '../common/page.args.js';
import { PostType } from '../common/post-type.js';
import { RequestContext } from '../common/request-context.js';
import { SqlParameters, sqlDate, sqlDateOrNull, sqlRows } from '../common/sql.js';
import { FlagEntity, FlagResolution, FlagStatus } from './flag.entity.js';
import { FlagsService } from './flags.service.js';
import { FlagConnection } from './models/flag.model.js';
import { FlagCounts, MemberFlagCounts } from './models/member-flag-counts.model.js';

interface FlagRow {
  id: number | string;
  post_type: PostType;
  post_id: number | string;
  reporter_id: number | string;
  reason: string;
  status: FlagStatus;
  resolution: FlagResolution | null;
  resolved_by_id: number | string | null;
  resolved_at: unknown;
  created_at: unknown;
}

/** Which side of a flag a member is on: the author of the flagged post, or the member who raised the flag. */
export type FlagSide = 'received' | 'raised';

/** Each list's cursors are its own: one list's cursor is refused by the other. */
const cursorKinds: Record<FlagSide, string> = { received: 'flagsReceived', raised: 'flagsRaised' };

const flagColumns =
  'f.id, f.post_type, f.post_id, f.reporter_id, f.reason, f.status, f.resolution, f.resolved_by_id, f.resolved_at, f.created_at';

/** A member's moderation history, for staff: the flags on their questions and replies, and the flags they raised. */
@Injectable()
export class MemberFlagsService {
  constructor(
    @InjectRepository(FlagEntity) private readonly flags: Repository<FlagEntity>,
    private readonly flagPages: FlagsService,
  ) {}

  /** Staff: the member's flags received and raised, by state; one statement per request for every member asked about. */
  counts(context: RequestContext, userId: number): Promise<MemberFlagCounts> {
    context.requireStaff();
    return context
      .loader('memberFlagCounts', () => new DataLoader<number, MemberFlagCounts>((userIds) => this.countsOf(userIds)))
      .load(userId);
  }

  private async countsOf(userIds: readonly number[]): Promise<MemberFlagCounts[]> {
    const sql = new SqlParameters();
    const users = sql.list(userIds);
    const countsSql = (side: FlagSide) =>
      `SELECT member_id, '${side}' AS side, resolution, COUNT(*) AS flags FROM (${memberFlagsSql(side, 'f.resolution', users)}) ${side}
         GROUP BY member_id, resolution`;
    const rows = await sqlRows<{
      member_id: number | string;
      side: FlagSide;
      resolution: FlagResolution | null;
      flags: number | string;
    }>(this.flags.manager, `${countsSql('received')} UNION ALL ${countsSql('raised')}`, sql.values);
    const none = (): FlagCounts => ({ open: 0, postHidden: 0, dismissed: 0 });
    const byUser = new Map(userIds.map((userId) => [userId, { received: none(), raised: none() }]));
    for (const row of rows) {
      const counts = byUser.get(Number(row.member_id))?.[row.side];
      if (!counts) continue;
      // A flag has a resolution once resolved, none while open.
      const state =
        row.resolution === FlagResolution.POST_HIDDEN ? 'postHidden' : row.resolution === FlagResolution.DISMISSED ? 'dismissed' : 'open';
      counts[state] += Number(row.flags);
    }
    return userIds.map((userId) => byUser.get(userId)!);
  }

  /**
   * Staff: the flags on the member's side of them (on their questions and replies, or raised by them), newest first, with
   * each post's excerpt; hidden posts included.
   */
  async list(context: RequestContext, side: FlagSide, userId: number, args: PageArgs): Promise<FlagConnection> {
    context.requireStaff();
    const cursorKind = cursorKinds[side];
    const beforeId = args.after != null ? decodeIdCursor(cursorKind, args.after) : null;
    const sql = new SqlParameters();
    const member = sql.param(userId);
    const before = beforeId !== null ? `AND f.id < ${sql.param(beforeId)}` : '';
    const rows = await sqlRows<FlagRow>(
      this.flags.manager,
      `SELECT * FROM (${memberFlagsSql(side, flagColumns, member, before)}) member_flags ORDER BY id DESC LIMIT ${sql.param(args.first + 1)}`,
      sql.values,
    );
    return this.flagPages.pageOf(cursorKind, rows.map(flagFromRow), args.first);
  }
}

/**
 * The flags on which the members of `members` (an IN list) are on `side`, selecting each member's id as member_id, then
 * `columns`; `where` narrows them further (the flag is `f`).
 */
function memberFlagsSql(side: FlagSide, columns: string, members: string, where = ''): string {
  if (side === 'raised') return `SELECT f.reporter_id AS member_id, ${columns} FROM flags f WHERE f.reporter_id IN (${members}) ${where}`;
  return `SELECT t.author_id AS member_id, ${columns} FROM flags f JOIN threads t ON t.id = f.post_id
      WHERE f.post_type = 'THREAD' AND t.author_id IN (${members}) ${where}
    UNION ALL
    SELECT r.author_id, ${columns} FROM flags f JOIN replies r ON r.id = f.post_id
      WHERE f.post_type = 'REPLY' AND r.author_id IN (${members}) ${where}`;
}

function flagFromRow(row: FlagRow): FlagEntity {
  return {
    id: Number(row.id),
    postType: row.post_type,
    postId: Number(row.post_id),
    reporterId: Number(row.reporter_id),
    reason: row.reason,
    status: row.status,
    resolution: row.resolution,
    resolvedById: row.resolved_by_id === null ? null : Number(row.resolved_by_id),
    resolvedAt: sqlDateOrNull(row.resolved_at),
    createdAt: sqlDate(row.created_at),
  };
}
