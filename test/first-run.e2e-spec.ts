import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import argon2 from 'argon2';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

// The built server and command-line tools, as `npm start` and `npm run user:*` run them, on SQLite files of their own.
const main = 'dist/apps/api/src/main.js';
const setPasswordCli = 'dist/apps/api/src/cli/set-password.cli.js';
const createUserCli = 'dist/apps/api/src/cli/create-user.cli.js';
// `npm run migration:run` runs TypeORM's own CLI over the built data source.
const typeormCli = 'node_modules/typeorm/cli.js';
const migrationRun = ['migration:run', '-d', 'dist/apps/api/src/database/data-source.js'];

describe('first run', () => {
  let directory: string;
  let server: ChildProcess | null = null;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'twofa-first-run-'));
  });

  afterAll(() => {
    server?.kill();
    rmSync(directory, { recursive: true, force: true });
  });

  const environment = (database: string) => ({
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '0.0.0.0',
    SQLITE_PATH: join(directory, database),
    WEB_DIST_PATH: '',
    DATABASE_URL: '',
    REDIS_URL: '',
    SEED_DEMO: 'true',
  });

  /** Starts the server with stdout a pipe (not a terminal) and resolves with its output once the credentials are printed. */
  function start(database: string): Promise<string> {
    return new Promise((resolve, reject) => {
      server = spawn(process.execPath, [main], { env: environment(database), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no credentials printed:\n${output}`)), 60_000);
      const collect = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (/\+-+\+\s*$/.test(output) && output.includes('password  ')) {
          clearTimeout(timer);
          // Whatever else would follow comes within a moment.
          setTimeout(() => resolve(output), 300);
        }
      };
      server.stdout!.on('data', collect);
      server.stderr!.on('data', collect);
      server.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
    });
  }

  it('logs the real address, without colour codes, and prints the demo staff sign-in last, framed; set-password changes it', async () => {
    const output = await start('demo.sqlite');
    expect(output).not.toContain('\u001b[');
    const listening = /listening on all interfaces \(0\.0\.0\.0, port (\d+)\); open http:\/\/localhost:(\d+)/.exec(output);
    expect(listening).not.toBeNull();
    const port = Number(listening![1]);
    expect(port).toBeGreaterThan(0);
    expect(Number(listening![2])).toBe(port);
    // The frame comes after "listening" and nothing follows it.
    const lines = output.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\+-+\+$/);
    expect(output.lastIndexOf('listening')).toBeLessThan(output.indexOf('password  '));
    const password = /\|\s+password {2}(\S+)/.exec(output)![1]!;
    expect(output.match(new RegExp(password, 'g'))).toHaveLength(1);

    const signIn = async (secret: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation S($p: String!) { signIn(input: { login: "grey", password: $p }) { token user { username isStaff } } }',
          variables: { p: secret },
        }),
      });
      return (await response.json()) as { data?: { signIn: { token: string; user: { username: string; isStaff: boolean } } } | null };
    };
    const me = async (token: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      return ((await response.json()) as { data: { me: { username: string } | null } }).data.me;
    };
    const signedIn = await signIn(password);
    expect(signedIn).toMatchObject({ data: { signIn: { user: { username: 'grey', isStaff: true } } } });
    const oldSession = signedIn.data!.signIn.token;
    await expect(me(oldSession)).resolves.toEqual({ username: 'grey' });

    // While the server runs (so not spawnSync, which would stall this client's connections): whoever signed in with
    // the old password is signed out by the reset.
    const changed = await runCli(
      setPasswordCli,
      ['--username', 'grey', '--password-stdin'],
      environment('demo.sqlite'),
      'a brand new staff password\n',
    );
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toBe('New password set for grey; every session of the account is signed out.\n');
    expect(changed.status).toBe(0);
    await expect(me(oldSession)).resolves.toBeNull();
    await expect(signIn(password)).resolves.toMatchObject({ data: null });
    const newSession = (await signIn('a brand new staff password')).data!.signIn.token;
    await expect(me(newSession)).resolves.toEqual({ username: 'grey' });
    server!.kill();

    const database = new Database(join(directory, 'demo.sqlite'), { readonly: true });
    const { password_hash: hash } = database.prepare(`SELECT password_hash FROM users WHERE username_key = 'grey'`).get() as {
      password_hash: string;
    };
    database.close();
    await expect(argon2.verify(hash, 'a brand new staff password')).resolves.toBe(true);

    const tooShort = spawnSync(process.execPath, [setPasswordCli, '--username', 'grey', '--password-stdin'], {
      env: environment('demo.sqlite'),
      input: 'short',
      encoding: 'utf8',
    });
    expect(tooShort.status).toBe(2);
    expect(tooShort.stderr).toContain('password must be');
  }, 90_000);

  it('user:create on an empty database makes the account and no demo forum', () => {
    const created = spawnSync(
      process.execPath,
      [createUserCli, '--role', 'admin', '--username', 'alice', '--email', 'alice@example.com', '--password-stdin'],
      { env: environment('empty.sqlite'), input: 'a long admin password', encoding: 'utf8' },
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^Created ADMIN alice <alice@example.com>/);
    const database = new Database(join(directory, 'empty.sqlite'), { readonly: true });
    const threads = database.prepare('SELECT COUNT(*) AS n FROM threads').get() as { n: number };
    const people = database.prepare(`SELECT username FROM users WHERE role <> 'BOT'`).all() as { username: string }[];
    database.close();
    expect(threads.n).toBe(0);
    expect(people).toEqual([{ username: 'alice' }]);
  }, 60_000);

  it('says in one line which setting to change when its port is taken, and creates no demo forum', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await runCli(main, [], { ...environment('port-taken.sqlite'), PORT: String(port), HOST: '127.0.0.1' });
      expect(result.status).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        `PORT, HOST: cannot listen on 127.0.0.1 port ${port}: it is already in use (another server, or another instance of this one?) (EADDRINUSE)`,
      ]);
    } finally {
      taken.close();
    }
    // Its staff password would have been printed nowhere: the next start, which listens, creates it and prints it.
    const database = new Database(join(directory, 'port-taken.sqlite'), { readonly: true });
    const people = database.prepare(`SELECT COUNT(*) AS n FROM users WHERE role <> 'BOT'`).get() as { n: number };
    const threads = database.prepare('SELECT COUNT(*) AS n FROM threads').get() as { n: number };
    database.close();
    expect({ people: people.n, threads: threads.n }).toEqual({ people: 0, threads: 0 });
  }, 90_000);

  it('says in one line that HOST does not resolve when it names no host', async () => {
    const result = await runCli(main, [], { ...environment('host-unresolvable.sqlite'), HOST: 'no-such-host.invalid' });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^HOST: cannot listen on no-such-host\.invalid port 0: the name (does not resolve|could not be resolved just now)/,
      ),
    ]);
  }, 90_000);

  it('says at once which database the tools cannot reach; the server says it once per attempt, without stack traces', async () => {
    // Nothing listens on port 1: every connection is refused.
    const unreachable = { ...environment('unused.sqlite'), DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/forum' };
    const line = 'DATABASE_URL: cannot connect to the database at postgres://postgres:***@127.0.0.1:1/forum: connect ECONNREFUSED';
    const tools = await Promise.all([
      runCli(
        createUserCli,
        ['--role', 'admin', '--username', 'bob', '--email', 'bob@example.com', '--password-stdin'],
        unreachable,
        'a long admin password',
      ),
      runCli(setPasswordCli, ['--username', 'grey', '--password-stdin'], unreachable, 'a brand new staff password'),
      runCli(typeormCli, migrationRun, unreachable),
    ]);
    for (const result of tools) {
      expect(result.status).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(line)]);
      expect(result.stderr).not.toContain('secret');
    }

    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [main], { env: unreachable, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      const collect = (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if ((text.match(/trying again/g) ?? []).length >= 2) child.kill();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const attempts = output.trimEnd().split('\n');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(
      /Cannot connect to the database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/forum yet: connect ECONNREFUSED .*\(attempt 1 of \d+\)$/,
    );
    expect(attempts[1]).toMatch(/\(attempt 2 of \d+\)$/);
  }, 90_000);

  it('says SQLITE_PATH cannot be used when its folder would be inside a file, for the server, the tools and the migrations alike', async () => {
    writeFileSync(join(directory, 'a-file'), 'not a folder');
    const unusable = { ...environment('a-file/forum.sqlite') };
    const server = await runCli(main, [], unusable);
    const tool = await runCli(
      createUserCli,
      ['--role', 'admin', '--username', 'bob', '--email', 'bob@example.com', '--password-stdin'],
      unusable,
      'a long admin password',
    );
    const migrations = await runCli(typeormCli, migrationRun, unusable);
    for (const result of [server, tool, migrations]) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/SQLITE_PATH: .*a-file\/forum\.sqlite.*not a folder/);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  }, 90_000);
});
