import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { PostType } from '../common/post-type.js';
import { RepliesService } from '../threads/replies.service.js';
import { PostsService } from '../threads/posts.service.js';
import { ThreadsService } from '../threads/threads.service.js';
import { Role } from '../common/role.js';
import { UsersService } from '../users/users.service.js';
import { demoMembers, demoThreads, staffUsername, type DemoThread } from './demo-content.js';
import { ContentGeneration } from '../events/content-generation.js';

/** Lines in a box of plain characters (log files and terminals alike). */
function framed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${'-'.repeat(width + 2)}+`;
  return ['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n');
}

/** When a demo thread was asked: `daysAgo` before now, at its `hour` (UTC), the oldest first. */
function askedAt(demo: DemoThread, index: number): Date {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - demo.daysAgo);
  day.setUTCHours(demo.hour, index * 7, 0, 0);
  return day;
}

/**
 * With SEED_DEMO on, fills an empty forum with a staff account (`grey`), a few members and threads about
 * two-factor authentication, written through the services so counts, statuses and revisions are right.
 * "Empty" means no threads and no users except the bot's account; it never touches a database in use.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly environment: Environment,
    private readonly users: UsersService,
    private readonly threads: ThreadsService,
    private readonly replies: RepliesService,
    private readonly posts: PostsService,
    private readonly postJobs: PostJobs,
    private readonly generation: ContentGeneration,
  ) {}

  /**
   * Seeds the demo on an empty database (SEED_DEMO). Called once the server listens (main.ts): a start that fails
   * before, on a port in use say, leaves the database empty rather than holding a staff password nobody saw. Resolves
   * with the staff account's sign-in for the operator, to print once; null when nothing was seeded.
   */
  async seedIfEmpty(): Promise<string | null> {
    if (!this.environment.SEED_DEMO) return null;
    try {
      if (!(await this.isEmpty())) return null;
      const notice = await this.seed();
      await this.generation.bump();
      return notice;
    } catch (error) {
      // Another instance seeding at the same moment, most likely; the forum works without the demo.
      this.logger.warn(`Demo forum not created: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.users.hasPeople()) && !(await this.posts.anyThread());
  }

  private async seed(): Promise<string> {
    const password = randomBytes(15).toString('base64url');
    const accounts = new Map<string, AuthUser>();
    const staff = await this.users.createAccount({
      username: staffUsername,
      email: `${staffUsername}@example.com`,
      password,
      role: Role.STAFF,
    });
    accounts.set(staffUsername, { id: Number(staff.id), username: staff.username, role: Role.STAFF });
    for (const username of demoMembers) {
      const member = await this.users.createAccount({
        username,
        email: `${username.replace('.', '-')}@example.com`,
        password: null,
        role: Role.MEMBER,
      });
      accounts.set(username, { id: Number(member.id), username: member.username, role: Role.MEMBER });
    }
    const account = (username: string): AuthUser => {
      const found = accounts.get(username);
      if (!found) throw new Error(`demo content names an unknown user ${username}`);
      return found;
    };

    for (const [index, demo] of demoThreads.entries()) {
      const author = account(demo.author);
      const thread = await this.threads.askAsSystem(author, { title: demo.title, body: demo.body, tags: demo.tags });
      // The bot answers first, as it would while the asker waits.
      await this.postJobs.whenDone(PostType.THREAD, thread.id);
      for (const reply of demo.replies) {
        const posted = await this.replies.postAsSystem(account(reply.author), thread, reply.body);
        if (reply.accepted) await this.threads.accept(RequestContext.system(author), String(posted.id));
      }
      if (demo.editedBody) await this.threads.edit(RequestContext.system(author), String(thread.id), { body: demo.editedBody });
      await this.threads.moveIntoPast(thread.id, askedAt(demo, index), demo.replyEveryMinutes);
    }
    this.logger.log(`Demo forum created: ${demoThreads.length} threads and the staff account "${staffUsername}".`);
    return framed([
      'Demo forum created. Staff sign-in, shown only this once:',
      '',
      `  username  ${staffUsername}`,
      `  password  ${password}`,
      '',
      'Staff tools stay locked until that account turns on two-factor',
      'sign-in (Security, /account/security).',
      '',
      'To set another password later:',
      `  npm run -s user:set-password -- --username ${staffUsername} --password-stdin`,
      '  (type the new password, then Enter and Ctrl-D)',
    ]);
  }
}
