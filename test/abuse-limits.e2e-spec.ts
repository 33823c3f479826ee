import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveChannels } from '../apps/api/src/live/live-pubsub.js';
import { PostJobsWorker } from '../apps/api/src/jobs/post-jobs.worker.js';
import { PasswordHasher } from '../apps/api/src/users/password-hasher.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { listenerCount, liveClient, subscribe, until } from './support/live-client.js';
import { codeOf, GraphqlResponse, TestApp } from './support/test-app.js';
import { useTwoInstances } from './support/instances.js';
import { freePort, startRedis, stopRedis } from './support/redis-server.js';
import { StubWebBuild, writeStubWebBuild } from './support/stub-web-build.js';

// Findings of the hardening review (issue 7) about limits, sign-in, input and Redis; one test each.

const signUpMutation = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token user { id username } } }';
const signInMutation = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token user { username } } }';
const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id title } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const flagMutation =
  'mutation Flag($postId: ID!, $reason: String!) { flagPost(postId: $postId, postType: THREAD, reason: $reason) { id } }';
const editQuestionMutation =
  'mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }';
const editReplyMutation =
  'mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }';
const suggestQuery = 'query Suggest($title: String) { suggestAnswers(title: $title) { answers { slug } } }';
const healthQuery = '{ health { status redis } }';
const searchQuery = 'query Search($query: String!) { search(query: $query) { nodes { threadId } } }';
const password = 'correct horse battery staple';

const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;
// Off-topic on purpose, so that the FAQ bot stays out of these threads.
const question = () => ({
  input: {
    title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`,
    body: 'Can the forum use a darker colour scheme on small screens?',
  },
});

function tally(responses: GraphqlResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) counts[codeOf(response)] = (counts[codeOf(response)] ?? 0) + 1;
  return counts;
}

async function signUp(app: TestApp, username: string, from = '127.0.0.1'): Promise<void> {
  await app.query(signUpMutation, { input: { username, email: `${username}@example.test`, password } }, { from });
}

function signIn(app: TestApp, login: string, secret: string, from: string): Promise<GraphqlResponse> {
  return app.request(signInMutation, { input: { login, password: secret } }, { from });
}

/** Counts the password checks an app makes: the figure the sign-in limit must bound. */
function countPasswordChecks(app: TestApp): () => number {
  const spy = vi.spyOn(app.nest.get(PasswordHasher), 'verify');
  return () => spy.mock.calls.length;
}

// Each attempt hashes a password (argon2, as a real sign-in does): on a busy machine a test of a dozen takes long.
describe('abuse: sign-in guessing', { timeout: 120_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_SIGN_IN_ATTEMPTS: '10', RATE_LIMIT_SIGN_IN_IP_FAILURES_PER_DAY: '15' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('checks no more than the limit of 50 concurrent guesses, and the right password among them does not get in', async () => {
    const username = unique('target');
    await signUp(app, username);
    const checks = countPasswordChecks(app);

    const guesses = Array.from({ length: 50 }, (_, index) => (index === 49 ? password : `wrong guess ${index}`));
    const responses = await Promise.all(guesses.map((guess) => signIn(app, username, guess, '127.0.0.2')));

    console.log(`50 concurrent guesses: ${checks()} passwords checked, answers ${JSON.stringify(tally(responses))}`);
    expect(checks()).toBeLessThanOrEqual(10);
    expect(responses.filter((response) => response.data?.signIn)).toHaveLength(0);
    await expect(signIn(app, username, password, '127.0.0.2')).resolves.toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }],
    });
  });

  it('lets the owner sign in from another IP while an attacker is throttled on the account', async () => {
    const username = unique('owner');
    await signUp(app, username);
    for (let attempt = 0; attempt < 11; attempt++) await signIn(app, username, 'not it', '127.0.0.3');
    await expect(signIn(app, username, password, '127.0.0.3')).resolves.toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });

    const owner = await signIn(app, username, password, '127.0.0.4');

    console.log(`owner from another IP while throttled: ${codeOf(owner)}`);
    expect(owner.data?.signIn).toMatchObject({ user: { username } });
  });

  it('limits one IP across logins with a daily budget of failures', async () => {
    const username = unique('sprayed');
    await signUp(app, username);
    const responses: GraphqlResponse[] = [];
    for (let attempt = 0; attempt < 16; attempt++) responses.push(await signIn(app, unique('nobody'), 'not it', '127.0.0.5'));

    console.log(`16 logins from one IP: ${JSON.stringify(tally(responses))}`);
    expect(tally(responses)).toEqual({ UNAUTHENTICATED: 15, RATE_LIMITED: 1 });
    await expect(signIn(app, username, password, '127.0.0.5')).resolves.toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });
    await expect(signIn(app, username, password, '127.0.0.6')).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
  });

  it('answers the same for a throttled username whether the address tried is its own or not', async () => {
    const username = unique('known');
    const other = unique('other');
    await signUp(app, username);
    await signUp(app, other);
    for (let attempt = 0; attempt < 11; attempt++) await signIn(app, username, 'not it', '127.0.0.7');

    const answers = [];
    for (const from of ['127.0.0.7', '127.0.0.8']) {
      const ownAddress = await signIn(app, `${username}@example.test`, 'not it', from);
      const otherAddress = await signIn(app, `${other}@example.test`, 'not it', from);
      answers.push(`from ${from}: its own e-mail ${codeOf(ownAddress)}, another e-mail ${codeOf(otherAddress)}`);
      expect(codeOf(ownAddress)).toBe(codeOf(otherAddress));
    }
    console.log(`throttled username, then ${answers.join('; ')}`);
  });

  it('answers a sign-up the same whether the username or the e-mail address is taken', async () => {
    const existing = unique('existing');
    await signUp(app, existing);

    const emailTaken = await app.request(signUpMutation, {
      input: { username: unique('fresh'), email: `${existing}@example.test`, password },
    });
    const usernameTaken = await app.request(signUpMutation, {
      input: { username: existing, email: `${unique('fresh')}@example.test`, password },
    });

    console.log(
      `sign-up, e-mail taken: ${JSON.stringify(emailTaken.errors?.[0]?.message)}; username taken: ${JSON.stringify(usernameTaken.errors?.[0]?.message)}`,
    );
    expect(emailTaken.errors?.[0]).toEqual(usernameTaken.errors?.[0]);
    expect(emailTaken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('abuse: a burst of sign-ins and the web app', () => {
  let app: TestApp;
  let webBuild: StubWebBuild;
  beforeAll(async () => {
    webBuild = writeStubWebBuild();
    app = await TestApp.start({ WEB_DIST_PATH: webBuild.root });
  });
  afterAll(async () => {
    await app?.stop();
    webBuild.remove();
  });

  it('serves the assets while password checks are waiting, without queueing them behind every hash', async () => {
    const burst = 24;
    const checks = countPasswordChecks(app);
    let answered = 0;
    const guesses = Array.from({ length: burst }, (_, index) =>
      signIn(app, `nobody${index}`, 'wrong password', '127.0.0.1').finally(() => answered++),
    );
    await until(() => checks() === burst, 'every guess is at its password check');
    const asset = await fetch(`${app.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    // Behind every hash, the asset came only once nearly all the guesses had been answered.
    expect(answered).toBeLessThan(burst / 2);
    expect(tally(await Promise.all(guesses))).toEqual({ UNAUTHENTICATED: burst });
  });
});

// A burst of sign-ins took the event loop's core (two hashes at once on two cores) and waited in a queue without end.
describe('abuse: more password checks at once than their queue holds', { timeout: 120_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_QUEUE: '2',
      RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY: '8',
      RATE_LIMIT_SIGN_UPS_PER_HOUR: '6',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses the sign-ins past the queue at once, and counts them toward no limit', async () => {
    const username = unique('queued');
    await signUp(app, username);
    const burst = await Promise.all(Array.from({ length: 8 }, (_, index) => signIn(app, username, 'not it', `127.0.1.${index + 1}`)));

    console.log(`8 sign-ins at once, 1 checked at a time and 2 waiting: ${JSON.stringify(tally(burst))}`);
    expect(tally(burst)).toEqual({ UNAUTHENTICATED: 3, RATE_LIMITED: 5 });
    for (const refused of burst.filter((response) => codeOf(response) === 'RATE_LIMITED'))
      expect(refused.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_CHECKS_BUSY', retryAfterSeconds: expect.any(Number) });
    // The login may fail 8 times a day: the 5 refused before their check left 5 of them.
    for (let attempt = 0; attempt < 5; attempt++)
      expect(codeOf(await signIn(app, username, 'not it', `127.0.2.${attempt + 1}`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signIn(app, username, password, '127.0.2.9'))).toBe('RATE_LIMITED');
  });

  it('stores no account whose sign-up it refused, and counts it toward no limit', async () => {
    // The address may sign up 6 times an hour: the 3 refused before their hash leave 3 of them.
    const from = '127.0.3.1';
    const usernames = Array.from({ length: 6 }, () => unique('burst'));
    const signUpAs = (username: string) =>
      app.request(signUpMutation, { input: { username, email: `${username}@example.test`, password } }, { from });
    const burst = await Promise.all(usernames.map(signUpAs));
    expect(tally(burst)).toEqual({ OK: 3, RATE_LIMITED: 3 });
    const refused = usernames.filter((_, index) => codeOf(burst[index]!) === 'RATE_LIMITED');
    for (const username of refused) expect((await signUpAs(username)).data?.signUp.user.username).toBe(username);
    expect(codeOf(await signUpAs(unique('over')))).toBe('RATE_LIMITED');
  });
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
// Each attempt hashes a password (argon2, as a real sign-in does): on a busy machine a test of a dozen takes long.
describe('abuse: sign-in guessing on one account from many IPs', { timeout: 120_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_SIGN_IN_ATTEMPTS: '10', RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY: '5' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('limits the failures of one login from every IP together, known or not, and keeps other logins apart', async () => {
    const username = unique('stuffed');
    const bystander = unique('bystander');
    await signUp(app, username);
    await signUp(app, bystander);
    const checks = countPasswordChecks(app);

    // One guess from each of eight addresses: each stays far below the per-IP limits.
    const responses: GraphqlResponse[] = [];
    for (let address = 10; address < 18; address++) responses.push(await signIn(app, username, `guess ${address}`, `127.0.1.${address}`));
    console.log(`8 guesses on one login from 8 IPs: ${checks()} passwords checked, answers ${JSON.stringify(tally(responses))}`);
    expect(tally(responses)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 3 });
    expect(checks()).toBe(5);
    await expect(signIn(app, username, password, '127.0.1.30')).resolves.toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }],
    });

    // An unknown login is answered the same, so the limit does not tell which accounts exist.
    const nobody = unique('nobody');
    const unknown: GraphqlResponse[] = [];
    for (let address = 10; address < 18; address++) unknown.push(await signIn(app, nobody, 'not it', `127.0.2.${address}`));
    expect(tally(unknown)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 3 });

    await expect(signIn(app, bystander, password, '127.0.1.10')).resolves.toMatchObject({
      data: { signIn: { user: { username: bystander } } },
    });
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('abuse: sign-in guessing on one account from many IPs, two instances on one Redis', () => {
  const instances = useTwoInstances({ RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY: '4' });

  it('counts the failures of one login on every instance against one limit', async () => {
    const username = unique('stuffed');
    await signUp(instances.first, username);
    const responses: GraphqlResponse[] = [];
    for (let address = 10; address < 16; address++) {
      const instance = address % 2 ? instances.second : instances.first;
      responses.push(await signIn(instance, username, `guess ${address}`, `127.0.3.${address}`));
    }
    expect(tally(responses)).toEqual({ UNAUTHENTICATED: 4, RATE_LIMITED: 2 });
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('abuse: sign-in guessing across two instances on one Redis', () => {
  const instances = useTwoInstances({ RATE_LIMIT_SIGN_IN_ATTEMPTS: '10' });

  it('checks no more than the limit of 50 concurrent guesses shared between the instances', async () => {
    const username = unique('target');
    await signUp(instances.first, username);
    const firstChecks = countPasswordChecks(instances.first);
    const secondChecks = countPasswordChecks(instances.second);

    const guesses = Array.from({ length: 50 }, (_, index) => (index === 49 ? password : `wrong guess ${index}`));
    const responses = await Promise.all(
      guesses.map((guess, index) => signIn(index % 2 ? instances.second : instances.first, username, guess, '127.0.0.2')),
    );

    const checked = firstChecks() + secondChecks();
    console.log(`50 concurrent guesses on two instances: ${checked} passwords checked, answers ${JSON.stringify(tally(responses))}`);
    expect(checked).toBeLessThanOrEqual(10);
    expect(responses.filter((response) => response.data?.signIn)).toHaveLength(0);
  });
});

describe('abuse: input out of the columns ranges and unsafe text', () => {
  let app: TestApp;
  let member: TestAccount;
  let staff: TestAccount;
  let threadId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
    threadId = (await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: member.token })).askQuestion.id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  // Stands for the thread made in beforeAll, so that only the text is wrong.
  const existingThread = 'EXISTING-THREAD';
  const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const cases: [string, string, Record<string, unknown>][] = [
    ['thread id 2^31', 'query($id: ID!) { thread(id: $id) { id } }', { id: '2147483648' }],
    ['thread id 2^53', 'query($id: ID!) { thread(id: $id) { id } }', { id: '9007199254740991' }],
    ['reply to thread 2^31', replyMutation, { threadId: '2147483648', body: 'A reply long enough to pass the checks.' }],
    ['flag post 2^31', flagMutation, { postId: '2147483648', reason: 'spam' }],
    ['author filter 2^31', 'query($id: ID) { threads(filter: { authorId: $id }) { nodes { id } } }', { id: '2147483648' }],
    [
      'thread cursor id 2^31',
      'query($after: String) { threads(after: $after) { nodes { id } } }',
      { after: cursor('a:1700000000000:2147483648') },
    ],
    [
      'thread cursor in 271822 BC',
      'query($after: String) { threads(after: $after) { nodes { id } } }',
      { after: cursor('a:-8640000000000000:1') },
    ],
    [
      'moderation cursor 2^31',
      'query($after: String) { moderationLog(after: $after) { nodes { id } } }',
      { after: cursor('log:2147483648') },
    ],
    [
      'bot queue cursor 2^31',
      'query($after: String) { botQueue(kind: PENDING, after: $after) { __typename } }',
      { after: cursor('PENDING:2147483648') },
    ],
    ['sign-in login with NUL', signInMutation, { input: { login: 'grey\u0000', password } }],
    ['user with NUL', 'query($u: String!) { user(username: $u) { id } }', { u: 'grey\u0000' }],
    [
      'question with NUL',
      askMutation,
      { input: { title: 'A title with a \u0000 inside it', body: 'A body long enough to pass the length check.' } },
    ],
    ['reply with NUL', replyMutation, { threadId: existingThread, body: 'A reply with a \u0000 inside it, long enough.' }],
    ['flag reason with NUL', flagMutation, { postId: existingThread, reason: 'spam\u0000' }],
    ['tag filter with NUL', 'query($tag: String) { threads(filter: { tag: $tag }) { nodes { id } } }', { tag: 'a\u0000' }],
    ['search with NUL', 'query($q: String!) { search(query: $q) { nodes { threadId } } }', { q: 'backup\u0000codes' }],
    [
      'sign-up e-mail with a lone surrogate',
      signUpMutation,
      { input: { username: unique('lone'), email: 'a\ud800@example.test', password } },
    ],
    [
      'title of zero-width spaces',
      askMutation,
      { input: { title: '\u200b'.repeat(20), body: 'A body long enough to pass the length check.' } },
    ],
    ['body of zero-width joiners', replyMutation, { threadId: existingThread, body: '\u200d'.repeat(40) }],
  ];

  it.each(cases)('answers BAD_USER_INPUT for %s', async (_name, query, variables) => {
    const response = await app.request(query, JSON.parse(JSON.stringify(variables).replaceAll(existingThread, threadId)), {
      token: staff.token,
    });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stores no bidirectional override from a title', async () => {
    const response = await app.query<{ askQuestion: { title: string } }>(
      askMutation,
      { input: { title: 'Invoice \u202egnp.exe\u202c for my plan', body: 'A body long enough to pass the length check.' } },
      { token: (await createAccount(app, Role.MEMBER)).token },
    );
    expect(response.askQuestion.title).toBe('Invoice gnp.exe for my plan');
  });
});

describe('abuse: edits are rate limited like posts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_EDIT_SECONDS: '60' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('makes a member wait between two edits of questions or replies, and keeps other members apart', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const threadId = (await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: member.token })).askQuestion.id;
    const replyId = (
      await app.query<{ replyToThread: { id: string } }>(
        replyMutation,
        { threadId, body: 'A first reply to my own question.' },
        { token: member.token },
      )
    ).replyToThread.id;

    const edits: GraphqlResponse[] = [];
    for (let edit = 0; edit < 20; edit++) {
      edits.push(
        await app.request(
          editQuestionMutation,
          { threadId, input: { body: `An edited body, version ${edit}, long enough.` } },
          { token: member.token },
        ),
      );
    }
    const replyEdit = await app.request(
      editReplyMutation,
      { replyId, input: { body: 'An edited reply that must wait.' } },
      { token: member.token },
    );

    console.log(`20 question edits in a row: ${JSON.stringify(tally(edits))}; then a reply edit: ${codeOf(replyEdit)}`);
    expect(tally(edits)).toEqual({ OK: 1, RATE_LIMITED: 19 });
    expect(codeOf(replyEdit)).toBe('RATE_LIMITED');
    const other = await createAccount(app, Role.MEMBER);
    const otherThread = (await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: other.token })).askQuestion.id;
    const otherEdit = await app.request(
      editQuestionMutation,
      { threadId: otherThread, input: { body: 'Another member edits their own question.' } },
      { token: other.token },
    );
    expect(otherEdit.errors).toBeUndefined();
  });

  it("lets the bot rewrite its replies on several threads in a row: its rewrites count against no one's edit limit", async () => {
    const staff = await createAccount(app, Role.STAFF);
    const threads: string[] = [];
    for (const title of ['Locked out of my account for good', 'Cannot get into my account anymore']) {
      const asker = await createAccount(app, Role.MEMBER);
      const input = { title, body: 'My authenticator app was on a phone I sold, and I am not signed in on any other device.' };
      threads.push((await app.query<{ askQuestion: { id: string } }>(askMutation, { input }, { token: asker.token })).askQuestion.id);
    }
    await app.jobsDone();

    const correct = (threadId: string, slug: string) =>
      app.request(
        `mutation Correct($threadId: ID!, $slug: String!) { correctSuggestion(threadId: $threadId, slug: $slug) { status replyId } }`,
        { threadId, slug },
        { token: staff.token },
      );
    // The first two may post the bot's reply or rewrite its answer; the last two rewrite a reply the bot has.
    const corrections = [];
    for (const slug of ['reenable-from-signed-in-device', 'save-qr-code']) {
      for (const threadId of threads) corrections.push(await correct(threadId, slug));
    }
    expect(corrections.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'OK']);
    for (const threadId of threads) {
      const { thread } = await app.query<{ thread: { replies: { nodes: { body: string }[] } } }>(
        'query T($id: ID!) { thread(id: $id) { replies(first: 5) { nodes { body } } } }',
        { id: threadId },
      );
      expect(thread.replies.nodes).toHaveLength(1);
      expect(thread.replies.nodes[0]!.body).toContain('/answers/save-qr-code');
    }
  });
});

const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id status } }';
const unacceptMutation = 'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status } }';

/** A member's question with one reply by someone else: the thread and the reply. */
async function answeredQuestion(app: TestApp, asker: TestAccount): Promise<{ threadId: string; replyId: string }> {
  const threadId = (await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: asker.token })).askQuestion.id;
  const replier = await createAccount(app, Role.MEMBER);
  const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
    replyMutation,
    { threadId, body: 'Try the dark theme under your profile settings.' },
    { token: replier.token },
  );
  return { threadId, replyId: replyToThread.id };
}

/** Accept, withdraw, accept, withdraw ... `times` changes of the accepted answer, sent to `apps` in turn. */
async function changeAnswer(apps: TestApp[], asker: TestAccount, post: { threadId: string; replyId: string }, times: number) {
  const responses: GraphqlResponse[] = [];
  for (let change = 0; change < times; change++) {
    const app = apps[change % apps.length];
    responses.push(
      change % 2 === 0
        ? await app.request(acceptMutation, { replyId: post.replyId }, { token: asker.token })
        : await app.request(unacceptMutation, { threadId: post.threadId }, { token: asker.token }),
    );
  }
  return responses;
}

describe('abuse: changes of the accepted answer are rate limited', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_ANSWER_CHANGES_PER_HOUR: '4' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a member more accepts and withdrawals per hour than the limit, and keeps other members apart', async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const post = await answeredQuestion(app, asker);

    const responses = await changeAnswer([app], asker, post, 8);
    console.log(`8 accepted-answer changes in a row: ${JSON.stringify(tally(responses))}`);
    // Refused: the fifth and seventh, acceptances; the withdrawals after them find nothing accepted, which costs nothing.
    expect(tally(responses)).toEqual({ OK: 6, RATE_LIMITED: 2 });
    expect(responses[6]).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(responses[4]).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }],
    });
    expect(responses[4].errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The last change that counted was a withdrawal: refused changes changed nothing.
    const { thread } = await app.query<{ thread: { status: string } }>('query T($id: ID!) { thread(id: $id) { status } }', {
      id: post.threadId,
    });
    expect(thread.status).toBe('OPEN');

    const other = await createAccount(app, Role.MEMBER);
    const otherPost = await answeredQuestion(app, other);
    expect(tally(await changeAnswer([app], other, otherPost, 1))).toEqual({ OK: 1 });
  });

  it('does not count accepting the accepted answer again, or withdrawing when none is accepted', async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const post = await answeredQuestion(app, asker);
    const repeat = (query: string, variables: Record<string, unknown>) =>
      Promise.all(Array.from({ length: 5 }, () => app.request(query, variables, { token: asker.token })));

    expect(tally(await repeat(unacceptMutation, { threadId: post.threadId }))).toEqual({ OK: 5 });
    expect(tally(await changeAnswer([app], asker, post, 1))).toEqual({ OK: 1 });
    expect(tally(await repeat(acceptMutation, { replyId: post.replyId }))).toEqual({ OK: 5 });
    // Three changes of the four are left: the repeats took none.
    const withdraw = () => app.request(unacceptMutation, { threadId: post.threadId }, { token: asker.token });
    const accept = () => app.request(acceptMutation, { replyId: post.replyId }, { token: asker.token });
    expect(tally([await withdraw(), await accept(), await withdraw()])).toEqual({ OK: 3 });
    expect(tally([await accept()])).toEqual({ RATE_LIMITED: 1 });
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('abuse: changes of the accepted answer across two instances on one Redis', () => {
  const instances = useTwoInstances({ RATE_LIMIT_ANSWER_CHANGES_PER_HOUR: '4' });

  it("counts a member's changes on every instance against one limit", async () => {
    const asker = await createAccount(instances.first, Role.MEMBER);
    const post = await answeredQuestion(instances.first, asker);
    const responses = await changeAnswer([instances.first, instances.second], asker, post, 7);
    // The sixth, a withdrawal after the refused acceptance, finds nothing accepted and costs nothing.
    expect(tally(responses)).toEqual({ OK: 5, RATE_LIMITED: 2 });
    expect(responses.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'OK', 'RATE_LIMITED']);
  });
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('abuse: Redis reachable at start', () => {
  it('starts without warning that Redis is unreachable', async () => {
    const warnings = vi.spyOn(Logger.prototype, 'warn');
    const app = await TestApp.start({
      REDIS_URL: process.env.TEST_REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `twofa:test:${randomBytes(4).toString('hex')}:`,
    });
    try {
      // The server listens once its Redis connections have connected: no monitor sees a DEGRADED that is only a start.
      await expect(app.query(healthQuery)).resolves.toEqual({ health: { status: 'ok', redis: 'CONNECTED' } });
      const redisWarnings = warnings.mock.calls.filter(([message]) => String(message).includes('Redis unreachable'));
      expect(redisWarnings).toEqual([]);
    } finally {
      warnings.mockRestore();
      await app.stop();
    }
  });
});

describe('abuse: Redis unreachable', () => {
  it('starts with Redis unreachable, serves, and says so in health', async () => {
    const app = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const member = await createAccount(app, Role.MEMBER);
      await expect(app.query(healthQuery)).resolves.toEqual({ health: { status: 'ok', redis: 'DEGRADED' } });
      await expect(app.query(askMutation, question(), { token: member.token })).resolves.toHaveProperty('askQuestion.id');
    } finally {
      await app.stop();
    }
  });

  it('notices within seconds when Redis stops answering without closing its connections, and uses it again when it answers', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const app = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_SEARCHES_PER_MINUTE: '10' });
    const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true });
    try {
      const member = await createAccount(app, Role.MEMBER);
      const search = () => app.request(searchQuery, { query: 'colours' }, { token: member.token });
      const health = async () => (await app.query<{ health: { redis: string } }>(healthQuery)).health.redis;
      await until(async () => (await health()) === 'CONNECTED', 'Redis is connected');
      const completed: string[] = [];
      app.nest.get(PostJobsWorker).worker.on('completed', (job) => completed.push(String(job.id)));
      const client = liveClient(app);
      const during = subscribe<{ forumActivity: { threadId: string } }>(client, 'subscription { forumActivity { threadId } }');
      await until(() => listenerCount(app, liveChannels.forum()) === 1, 'the subscription listens');

      redis.kill('SIGSTOP');
      const pausedAt = Date.now();
      await until(async () => (await health()) === 'DEGRADED', 'health reports Redis degraded');
      // Five seconds of silence, the next watchdog PING at most a second after the pause, and some slack.
      expect(Date.now() - pausedAt).toBeLessThan(8_000);

      // Waiting for Redis, each would take a second.
      const started = Date.now();
      const searches = [];
      for (let attempt = 0; attempt < 10; attempt++) searches.push(await search());
      const elapsed = Date.now() - started;
      console.log(`10 searches against a paused Redis took ${elapsed} ms`);
      expect(elapsed).toBeLessThan(3_000);
      expect(tally(searches)).toEqual({ OK: 10 });
      // Counted in this instance meanwhile.
      expect(codeOf(await search())).toBe('RATE_LIMITED');
      const asked = await app.request<{ askQuestion: { id: string } }>(askMutation, question(), { token: member.token });
      expect(codeOf(asked)).toBe('OK');
      expect((await during.next()).data?.forumActivity.threadId).toBe(asked.data!.askQuestion.id);
      expect(await health()).toBe('DEGRADED');

      redis.kill('SIGCONT');
      await until(async () => (await health()) === 'CONNECTED', 'health reports Redis connected again');
      // Counted in Redis again, which did not see the searches made without it.
      expect(codeOf(await search())).toBe('OK');
      await expect(probe.keys(`*search:member:${member.id}`)).resolves.toHaveLength(1);
      await until(async () => Number((await probe.pubsub('NUMSUB', 'twofa:live:forum'))[1]) > 0, 'the live channel is subscribed again');
      const after = subscribe<{ forumActivity: { threadId: string } }>(client, 'subscription { forumActivity { threadId } }');
      await until(() => listenerCount(app, liveChannels.forum()) === 2, 'a subscription made after Redis answers again listens');
      const again = await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: member.token });
      expect((await after.next()).data?.forumActivity.threadId).toBe(again.askQuestion.id);
      await until(() => completed.includes(`bot-decision.THREAD.${again.askQuestion.id}`), "BullMQ's worker runs the new question's jobs");
      client.terminate();
    } finally {
      redis.kill('SIGCONT');
      probe.disconnect();
      await app.stop();
      await stopRedis(redis);
    }
  }, 60_000);

  it('stays CONNECTED through a stall of Redis of a couple of seconds', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const app = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const warnings = vi.spyOn(Logger.prototype, 'warn');
    try {
      const health = async () => (await app.query<{ health: { redis: string } }>(healthQuery)).health.redis;
      await until(async () => (await health()) === 'CONNECTED', 'Redis is connected');
      redis.kill('SIGSTOP');
      const states = new Set<string>();
      const stalledUntil = Date.now() + 2_000;
      while (Date.now() < stalledUntil) {
        states.add(await health());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      redis.kill('SIGCONT');
      // Long enough for a connection dropped at the stall's end to be seen reconnecting.
      const watchedUntil = Date.now() + 1_500;
      while (Date.now() < watchedUntil) {
        states.add(await health());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect([...states]).toEqual(['CONNECTED']);
      expect(warnings.mock.calls.filter(([message]) => String(message).startsWith('Redis unreachable'))).toEqual([]);
    } finally {
      warnings.mockRestore();
      redis.kill('SIGCONT');
      await app.stop();
      await stopRedis(redis);
    }
  }, 60_000);

  it('degrades when Redis goes away at run time and recovers when it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const app = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_SIGN_IN_ATTEMPTS: '10' });
    const warnings = vi.spyOn(Logger.prototype, 'warn');
    try {
      const member = await createAccount(app, Role.MEMBER);
      const reader = await createAccount(app, Role.MEMBER);
      const health = async () => (await app.query<{ health: { redis: string } }>(healthQuery)).health.redis;
      await until(async () => (await health()) === 'CONNECTED', 'Redis is connected');
      const username = unique('owner');
      await signUp(app, username);
      const client = liveClient(app);
      const before = subscribe<{ forumActivity: { threadId: string } }>(client, 'subscription { forumActivity { threadId } }');
      await until(() => listenerCount(app, liveChannels.forum()) === 1, 'the first subscription listens');

      await stopRedis(redis);
      await until(async () => (await health()) === 'DEGRADED', 'health reports Redis degraded');
      expect(warnings.mock.calls.filter(([message]) => String(message).startsWith('Redis unreachable'))).toHaveLength(1);

      const during = subscribe<{ forumActivity: { threadId: string } }>(client, 'subscription { forumActivity { threadId } }');
      await until(() => listenerCount(app, liveChannels.forum()) === 2, 'a subscription made without Redis listens');
      await expect(signIn(app, username, password, '127.0.0.1')).resolves.toMatchObject({ data: { signIn: { user: { username } } } });
      const asked = await app.request<{ askQuestion: { id: string } }>(askMutation, question(), { token: member.token });
      expect(codeOf(asked)).toBe('OK');
      const threadId = asked.data!.askQuestion.id;
      expect((await before.next()).data?.forumActivity.threadId).toBe(threadId);
      expect((await during.next()).data?.forumActivity.threadId).toBe(threadId);
      const replied = await app.request(replyMutation, { threadId, body: 'A reply while Redis is away.' }, { token: reader.token });
      expect(codeOf(replied)).toBe('OK');
      const flagged = await app.request(flagMutation, { postId: threadId, reason: 'testing flags without Redis' }, { token: reader.token });
      expect(codeOf(flagged)).toBe('OK');
      expect(codeOf(await app.request(suggestQuery, { title: 'lost my phone with the authenticator' }))).toBe('OK');
      for (let attempt = 0; attempt < 10; attempt++) await signIn(app, username, 'not it', '127.0.0.9');
      await expect(signIn(app, username, password, '127.0.0.9')).resolves.toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED' } }],
      });

      redis = await startRedis(port);
      await until(async () => (await health()) === 'CONNECTED', 'health reports Redis connected again');
      const probe = new Redis(`redis://127.0.0.1:${port}`);
      try {
        await until(async () => Number((await probe.pubsub('NUMSUB', 'twofa:live:forum'))[1]) > 0, 'the live channel is subscribed again');
        const after = subscribe<{ forumActivity: { threadId: string } }>(liveClient(app), 'subscription { forumActivity { threadId } }');
        await until(() => listenerCount(app, liveChannels.forum()) === 3, 'a subscription made after recovery listens');
        const again = await app.query<{ askQuestion: { id: string } }>(askMutation, question(), { token: reader.token });
        expect((await after.next()).data?.forumActivity.threadId).toBe(again.askQuestion.id);
        await signIn(app, username, 'not it', '127.0.0.10');
        await expect(probe.keys('twofa:rate:*')).resolves.not.toEqual([]);
      } finally {
        probe.disconnect();
      }
      client.terminate();
    } finally {
      warnings.mockRestore();
      await app.stop();
      await stopRedis(redis);
    }
  }, 60_000);
});
