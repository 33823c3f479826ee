import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { runCli } from './support/cli.js';
import { TestApp } from './support/test-app.js';

// The built command, as `npm run db:backup` runs it.
const cli = 'dist/apps/api/src/cli/backup-database.cli.js';
const postgres = Boolean(process.env.TEST_DATABASE_URL);
const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';

describe('the db:backup command', () => {
  let app: TestApp;
  let member: TestAccount;
  let directory: string;
  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    directory = mkdtempSync(join(tmpdir(), 'twofa-backup-'));
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const backUp = (args: string[]) => runCli(cli, args, { ...process.env, NODE_ENV: 'test', ...app.database.environment });
  const ask = (title: string) =>
    app.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: { title, body: 'Asked while a backup may be running.', tags: ['backup'] } },
      { token: member.token },
    );

  it.skipIf(postgres)('copies the SQLite database consistently while questions are being asked, and never overwrites a file', async () => {
    const before = `Before the backup ${randomBytes(4).toString('hex')}`;
    await ask(before);
    const target = join(directory, 'nested', 'forum.sqlite');

    let asking = true;
    const askedMeanwhile = (async () => {
      let count = 0;
      while (asking) {
        await ask(`Meanwhile ${count++}`);
      }
      return count;
    })();
    const result = await backUp(['--to', target]);
    asking = false;
    expect(await askedMeanwhile).toBeGreaterThan(0);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Backed up .* questions/);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT COUNT(*) AS n FROM threads WHERE title = ?').get(before)).toEqual({ n: 1 });
      // The copy is a database the server can start on: its migrations are all recorded.
      const migrations = (copy.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n;
      expect(migrations).toBeGreaterThan(0);
    } finally {
      copy.close();
    }

    const digest = () => createHash('sha256').update(readFileSync(target)).digest('hex');
    const kept = digest();
    const again = await backUp(['--to', target]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists/);
    expect(digest()).toBe(kept);

    // The server went on answering.
    expect((await ask('After the backup')).askQuestion.id).toBeTruthy();
  });

  it.skipIf(!postgres)('refuses on PostgreSQL, pointing to its own tools, and writes nothing', async () => {
    const target = join(directory, 'postgres.sqlite');
    const result = await backUp(['--to', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pg_dump/);
    expect(existsSync(target)).toBe(false);
  });

  it('asks for a target file', async () => {
    const result = await backUp([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--to is required/);
    expect(result.stderr).toMatch(/Usage: npm run -s db:backup/);
  });
});
