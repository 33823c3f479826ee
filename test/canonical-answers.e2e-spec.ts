import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { rendererVersion } from '../apps/api/src/markdown/markdown.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { allExamples } from './support/canonical-answers.js';
import { TestApp } from './support/test-app.js';
import { useTwoInstances } from './support/instances.js';

const answerFields = 'id slug title body bodyHtml version retired updatedAt';
const suggest = `query Suggest($title: String!, $body: String!) {
  suggestAnswers(title: $title, body: $body) { answers { slug confidence } }
}`;

describe('Canonical answers', () => {
  let app: TestApp;
  let staff: TestAccount;
  let member: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    staff = await createAccount(app, Role.STAFF);
    member = await createAccount(app, Role.MEMBER);
  });
  afterAll(async () => {
    await app.stop();
  });

  const create = (input: Record<string, unknown>, token = staff.token) =>
    app.request(
      `mutation Create($input: CreateCanonicalAnswerInput!) { createCanonicalAnswer(input: $input) { ${answerFields} } }`,
      { input },
      { token },
    );
  const listSlugs = async (includeRetired = false): Promise<string[]> => {
    const data = await app.query<{ canonicalAnswers: { slug: string }[] }>(
      'query List($includeRetired: Boolean) { canonicalAnswers(includeRetired: $includeRetired) { slug } }',
      { includeRetired },
    );
    return data.canonicalAnswers.map((answer) => answer.slug);
  };

  it('starts with the four built-in answers and their examples', async () => {
    expect(await listSlugs()).toEqual(['no-backup-codes', 'save-qr-code', 'reenable-from-signed-in-device', 'contact-support-locked-out']);
    const data = await app.query<{ canonicalAnswer: { version: number; bodyHtml: string } }>(
      '{ canonicalAnswer(slug: "no-backup-codes") { version bodyHtml } }',
      {},
      { token: staff.token },
    );
    expect(data.canonicalAnswer.version).toBe(1);
    expect(data.canonicalAnswer.bodyHtml).toContain('<p>');
    const examples = await allExamples(app, 'no-backup-codes', staff.token);
    expect(examples.length).toBeGreaterThan(5);
    expect(new Set(examples.map((example) => example.source))).toEqual(new Set(['SEED']));
  });

  it('stores the HTML at write, serves it without rendering, and cooks at start-up what an older renderer made', async () => {
    const dataSource = () => app.nest.get(DataSource);
    const placeholder = (index: number) => (dataSource().options.type === 'postgres' ? `$${index}` : '?');
    const bodyHtml = async (slug: string) =>
      (await app.query<{ canonicalAnswer: { bodyHtml: string } }>(`{ canonicalAnswer(slug: "${slug}") { bodyHtml } }`)).canonicalAnswer
        .bodyHtml;
    await create({ slug: 'cooked-answer', title: 'Is the HTML stored?', body: 'It is **stored**.', examples: [] });
    const [row] = await dataSource().query(`SELECT body_html, body_html_version FROM canonical_answers WHERE slug = ${placeholder(1)}`, [
      'cooked-answer',
    ]);
    expect(row.body_html).toBe('<p>It is <strong>stored</strong>.</p>\n');
    expect(Number(row.body_html_version)).toBe(rendererVersion);

    const setHtml = (html: string, version: number) =>
      dataSource().query(
        `UPDATE canonical_answers SET body_html = ${placeholder(1)}, body_html_version = ${placeholder(2)} WHERE slug = ${placeholder(3)}`,
        [html, version, 'cooked-answer'],
      );
    await setHtml('<p>served as stored</p>', rendererVersion);
    expect(await bodyHtml('cooked-answer')).toBe('<p>served as stored</p>');

    await setHtml('<p>old renderer</p>', rendererVersion - 1);
    await app.restart();
    expect(await bodyHtml('cooked-answer')).toBe('<p>It is <strong>stored</strong>.</p>\n');
  });

  it('shows examples and revisions to staff only', async () => {
    const query = '{ canonicalAnswer(slug: "save-qr-code") { slug examples { nodes { text } } revisions { nodes { version } } } }';
    const anonymous = await app.request(query);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asMember = await app.request(query, {}, { token: member.token });
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asMember.data?.canonicalAnswer?.slug).toBe('save-qr-code');
    expect(asMember.data?.canonicalAnswer?.examples).toBeNull();
  });

  it('returns null for an unknown slug and refuses a malformed one', async () => {
    const unknown = await app.query<{ canonicalAnswer: unknown }>('{ canonicalAnswer(slug: "no-such-answer") { slug } }');
    expect(unknown.canonicalAnswer).toBeNull();
    const malformed = await app.request('{ canonicalAnswer(slug: "Not A Slug!") { slug } }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets staff create an answer that the bot suggests at once', async () => {
    const title = 'Weekly 2FA prompt on my desk computer';
    const body = 'Why must I re-enter the authenticator code every week on the same machine?';
    const before = await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, { title, body });
    expect(before.suggestAnswers.answers.map((answer) => answer.slug)).not.toContain('remember-this-device');

    const response = await create({
      slug: 'remember-this-device',
      title: 'Stop asking for the two-factor code on a trusted computer',
      body: 'Tick **Remember this device** when you enter the code.',
      examples: [
        'Do I have to type the 2FA code every time I sign in on my home computer?',
        'Remember this device option for two-factor authentication',
        'Two-factor prompt appears on every login from the same laptop, can it trust my device?',
        'How to skip the authenticator code on a trusted browser',
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createCanonicalAnswer).toMatchObject({ slug: 'remember-this-device', version: 1, retired: false });

    const after = await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, { title, body });
    expect(after.suggestAnswers.answers[0]?.slug).toBe('remember-this-device');
  });

  it('keeps a revision and bumps the version on edit', async () => {
    await create({ slug: 'edit-me', title: 'An answer to edit', body: 'First text.', examples: [] });
    const data = await app.query<{ updateCanonicalAnswer: { version: number; body: string } }>(
      'mutation { updateCanonicalAnswer(slug: "edit-me", input: { body: "Second text." }) { version body } }',
      {},
      { token: staff.token },
    );
    expect(data.updateCanonicalAnswer).toEqual({ version: 2, body: 'Second text.' });
    const read = await app.query<{
      canonicalAnswer: { revisions: { nodes: { version: number; body: string; editor: { id: string } }[] } };
    }>('{ canonicalAnswer(slug: "edit-me") { revisions { nodes { version body editor { id } } } } }', {}, { token: staff.token });
    expect(read.canonicalAnswer.revisions.nodes).toEqual([{ version: 1, body: 'First text.', editor: { id: staff.id } }]);
  });

  it('pages examples (oldest first) and revisions (newest first) like every other list, and refuses bad page arguments', async () => {
    const examples = await allExamples(app, 'contact-support-locked-out', staff.token);
    expect(examples.length).toBeGreaterThan(50);
    const firstPage = await app.query<{ canonicalAnswer: { examples: { nodes: { text: string }[]; pageInfo: { hasNextPage: boolean } } } }>(
      '{ canonicalAnswer(slug: "contact-support-locked-out") { examples(first: 10) { nodes { text } pageInfo { hasNextPage } } } }',
      {},
      { token: staff.token },
    );
    expect(firstPage.canonicalAnswer.examples.nodes.map((node) => node.text)).toEqual(examples.slice(0, 10).map((node) => node.text));
    expect(firstPage.canonicalAnswer.examples.pageInfo.hasNextPage).toBe(true);
    expect(new Set(examples.map((example) => example.text)).size).toBe(examples.length);

    await create({ slug: 'paged-history', title: 'An answer with a history', body: 'Text 1.', examples: [] });
    for (const version of [2, 3, 4]) {
      await app.query(
        'mutation U($body: String!) { updateCanonicalAnswer(slug: "paged-history", input: { body: $body }) { version } }',
        { body: `Text ${version}.` },
        { token: staff.token },
      );
    }
    type History = {
      canonicalAnswer: { revisions: { nodes: { version: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    const history =
      'query H($after: String) { canonicalAnswer(slug: "paged-history") { revisions(first: 2, after: $after) { nodes { version } pageInfo { hasNextPage endCursor } } } }';
    const newest = await app.query<History>(history, { after: null }, { token: staff.token });
    expect(newest.canonicalAnswer.revisions.nodes).toEqual([{ version: 3 }, { version: 2 }]);
    expect(newest.canonicalAnswer.revisions.pageInfo.hasNextPage).toBe(true);
    const oldest = await app.query<History>(
      history,
      { after: newest.canonicalAnswer.revisions.pageInfo.endCursor },
      { token: staff.token },
    );
    expect(oldest.canonicalAnswer.revisions.nodes).toEqual([{ version: 1 }]);
    expect(oldest.canonicalAnswer.revisions.pageInfo.hasNextPage).toBe(false);

    const tooMany = await app.request(
      '{ canonicalAnswer(slug: "paged-history") { examples(first: 51) { nodes { text } } } }',
      {},
      { token: staff.token },
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await app.request(
      '{ canonicalAnswer(slug: "paged-history") { revisions(after: "bm9wZQ") { nodes { version } } } }',
      {},
      { token: staff.token },
    );
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A cursor of one list is refused by the other.
    const crossed = await app.request(
      'query C($after: String) { canonicalAnswer(slug: "contact-support-locked-out") { examples(after: $after) { nodes { text } } } }',
      { after: newest.canonicalAnswer.revisions.pageInfo.endCursor },
      { token: staff.token },
    );
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never suggests a retired answer, and suggests it again once restored', async () => {
    const title = 'Where are the 2FA backup codes?';
    const body = 'I enabled two-factor authentication but never got recovery codes to print.';
    const slugs = async () =>
      (await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, { title, body })).suggestAnswers.answers.map(
        (a) => a.slug,
      );
    expect(await slugs()).toContain('no-backup-codes');

    await app.query('mutation { retireCanonicalAnswer(slug: "no-backup-codes") { retired } }', {}, { token: staff.token });
    expect(await slugs()).not.toContain('no-backup-codes');
    expect(await listSlugs()).not.toContain('no-backup-codes');
    expect(await listSlugs(true)).toContain('no-backup-codes');

    await app.query('mutation { restoreCanonicalAnswer(slug: "no-backup-codes") { retired } }', {}, { token: staff.token });
    expect(await slugs()).toContain('no-backup-codes');
  });

  it('changes the next suggestion when staff add or remove an example', async () => {
    const title = 'Two-factor codes on my smartwatch';
    const body = 'Can my smartwatch show the two-factor codes so I do not need to pull out my phone every time?';
    await create({ slug: 'smartwatch-codes', title: 'Authenticator codes on a smartwatch', body: 'Watch text.', examples: [] });
    const top = async () =>
      (await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, { title, body })).suggestAnswers.answers[0]?.slug;
    expect(await top()).not.toBe('smartwatch-codes');

    const added = await app.query<{ addAnswerExample: { id: string; source: string } }>(
      'mutation Add($text: String!) { addAnswerExample(slug: "smartwatch-codes", text: $text) { id source } }',
      { text: 'My smartwatch should display the two-factor codes instead of my phone' },
      { token: staff.token },
    );
    expect(added.addAnswerExample.source).toBe('STAFF');
    expect(await top()).toBe('smartwatch-codes');

    await app.query(
      'mutation Remove($id: ID!) { removeAnswerExample(exampleId: $id) { slug } }',
      { id: added.addAnswerExample.id },
      { token: staff.token },
    );
    expect(await top()).not.toBe('smartwatch-codes');
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await listSlugs(true);
    const duplicate = await create({ slug: 'save-qr-code', title: 'Duplicate', body: 'Body', examples: [] });
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badSlug = await create({ slug: 'Bad Slug!', title: 'Bad slug', body: 'Body', examples: [] });
    expect(badSlug.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badSlug.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'slug' })]);
    const tooShort = await create({ slug: 'ab', title: 'Short slug', body: 'Body', examples: [] });
    expect(tooShort.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const emptyTitle = await create({ slug: 'empty-title', title: '  ', body: 'Body', examples: [] });
    expect(emptyTitle.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await listSlugs(true)).toEqual(before);

    const unknownUpdate = await app.request(
      'mutation { updateCanonicalAnswer(slug: "no-such-answer", input: { title: "New title" }) { version } }',
      {},
      { token: staff.token },
    );
    expect(unknownUpdate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknownRetire = await app.request(
      'mutation { retireCanonicalAnswer(slug: "no-such-answer") { retired } }',
      {},
      { token: staff.token },
    );
    expect(unknownRetire.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknownExample = await app.request('mutation { removeAnswerExample(exampleId: "999999") { slug } }', {}, { token: staff.token });
    expect(unknownExample.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badExampleId = await app.request('mutation { removeAnswerExample(exampleId: "abc") { slug } }', {}, { token: staff.token });
    expect(badExampleId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const blankExample = await app.request(
      'mutation { addAnswerExample(slug: "save-qr-code", text: " ") { id } }',
      {},
      { token: staff.token },
    );
    expect(blankExample.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const answer = await app.query<{ canonicalAnswer: { version: number; title: string } }>(
      '{ canonicalAnswer(slug: "save-qr-code") { version title } }',
    );
    expect(answer.canonicalAnswer.version).toBe(1);
  });

  it('names the limits of refused text as the staff forms label the fields, and stores nothing', async () => {
    const refusal = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => ({
      code: response.errors?.[0]?.extensions?.code,
      fields: response.errors?.[0]?.extensions?.fields,
    });
    const slugsBefore = await listSlugs(true);
    const examplesBefore = await allExamples(app, 'save-qr-code', staff.token);
    const storedAnswer = async () =>
      (await app.query<{ canonicalAnswer: unknown }>('{ canonicalAnswer(slug: "save-qr-code") { title body version } }')).canonicalAnswer;
    const answerBefore = await storedAnswer();
    const answer = { slug: 'refused-answer', title: 'A refused answer', body: 'Body', examples: [] };

    expect(refusal(await create({ ...answer, title: 'ab' }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'title', message: 'title must be 3 to 200 characters' }],
    });
    expect(refusal(await create({ ...answer, body: 'x'.repeat(20_001) }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'body', message: 'body must be 1 to 20000 characters' }],
    });
    expect(refusal(await create({ ...answer, examples: ['How do I get my codes back?', 'ab'] }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'examples', message: 'each example must be 3 to 2000 characters' }],
    });
    expect(refusal(await create({ ...answer, examples: Array.from({ length: 201 }, (_, index) => `Example question ${index}`) }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'examples', message: 'at most 200 examples' }],
    });
    const update = await app.request(
      'mutation { updateCanonicalAnswer(slug: "save-qr-code", input: { title: "ab" }) { version } }',
      {},
      { token: staff.token },
    );
    expect(refusal(update)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.title', message: 'title must be 3 to 200 characters' }],
    });
    const example = await app.request('mutation { addAnswerExample(slug: "save-qr-code", text: "ab") { id } }', {}, { token: staff.token });
    expect(refusal(example)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'text', message: 'text must be 3 to 2000 characters' }],
    });
    const learned = await app.request('{ learnedExamples(first: 0) { id } }', {}, { token: staff.token });
    expect(refusal(learned)).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'first', message: 'first must be between 1 and 200' }] });

    expect(await listSlugs(true)).toEqual(slugsBefore);
    expect(await allExamples(app, 'save-qr-code', staff.token)).toEqual(examplesBefore);
    expect(await storedAnswer()).toEqual(answerBefore);
  });

  describe('text as questions and replies have it', () => {
    const otpauth = 'otpauth://totp/Example:me?secret=JBSWY3DPEHPK3PXP&issuer=Example';
    const update = (slug: string, input: Record<string, unknown>) =>
      app.request(
        `mutation Update($slug: String!, $input: UpdateCanonicalAnswerInput!) { updateCanonicalAnswer(slug: $slug, input: $input) { ${answerFields} } }`,
        { slug, input },
        { token: staff.token },
      );
    const stored = async (slug: string) =>
      (
        await app.query<{ canonicalAnswer: { title: string; body: string; version: number } | null }>(
          'query A($slug: String!) { canonicalAnswer(slug: $slug) { title body version } }',
          { slug },
        )
      ).canonicalAnswer;

    it('refuses a blank body on create and update, and changes nothing', async () => {
      for (const body of ['   ', '\n\n\t ']) {
        const response = await create({ slug: 'blank-body', title: 'Blank body answer', body });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
        expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'body' })]);
      }
      expect(await stored('blank-body')).toBeNull();

      await create({ slug: 'keeps-its-body', title: 'An answer that keeps its body', body: 'The first text.' });
      for (const input of [{ body: '\n\n\t ' }, { title: 'A new title', body: '  ' }]) {
        const response = await update('keeps-its-body', input);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      }
      expect(await stored('keeps-its-body')).toEqual({ title: 'An answer that keeps its body', body: 'The first text.', version: 1 });
    });

    it('stores the title on one line and the body without blank lines around it, on create and update', async () => {
      const created = await create({ slug: 'one-line-title', title: 'Line one\n\n\nLine two', body: '\n\nThe body.  \n\n' });
      expect(created.errors).toBeUndefined();
      expect(created.data?.createCanonicalAnswer).toMatchObject({ title: 'Line one Line two', body: 'The body.', version: 1 });

      // The same text with other whitespace is no change: no new version.
      const same = await update('one-line-title', { title: '  Line one \t Line two\n', body: 'The body.\n\n' });
      expect(same.data?.updateCanonicalAnswer).toMatchObject({ title: 'Line one Line two', body: 'The body.', version: 1 });

      const changed = await update('one-line-title', { title: 'Line three\r\nLine four', body: '\n    indented code\n\nText.\n' });
      expect(changed.data?.updateCanonicalAnswer).toMatchObject({
        title: 'Line three Line four',
        body: '    indented code\n\nText.',
        version: 2,
      });
      expect(await stored('one-line-title')).toEqual({ title: 'Line three Line four', body: '    indented code\n\nText.', version: 2 });
    });

    it('refuses a secret in the title, body or examples, and stores nothing', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['body', { title: 'Setting up the authenticator', body: `Scan this: ${otpauth}` }, 'body'],
        ['title', { title: `Is ${otpauth} my link?`, body: 'Some text.' }, 'title'],
        [
          'examples',
          { title: 'Setting up the authenticator', body: 'Some text.', examples: [`My QR code says ${otpauth}, what now?`] },
          'examples',
        ],
      ];
      for (const [name, input, field] of cases) {
        const response = await create({ slug: 'holds-a-secret', ...input });
        expect(response.errors?.[0]?.extensions, name).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTPAUTH_URI' });
        expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field })]);
        expect(JSON.stringify(response.errors)).not.toContain('JBSWY3DPEHPK3PXP');
      }
      expect(await stored('holds-a-secret')).toBeNull();

      await create({
        slug: 'stays-secret-free',
        title: 'An answer without secrets',
        body: 'The first text.',
        examples: ['How do I keep my codes safe?'],
      });
      for (const input of [{ body: `Scan this: ${otpauth}` }, { title: `Is ${otpauth} my link?` }]) {
        const response = await update('stays-secret-free', input);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTPAUTH_URI' });
      }
      const added = await app.request(
        'mutation Add($text: String!) { addAnswerExample(slug: "stays-secret-free", text: $text) { id } }',
        { text: `My QR code says ${otpauth}, what now?` },
        { token: staff.token },
      );
      expect(added.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTPAUTH_URI' });
      expect(added.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'text' })]);

      expect(await stored('stays-secret-free')).toEqual({ title: 'An answer without secrets', body: 'The first text.', version: 1 });
      expect((await allExamples(app, 'stays-secret-free', staff.token)).map((example) => example.text)).toEqual([
        'How do I keep my codes safe?',
      ]);
    });

    it('takes the built-in answers as they are: their text and examples already pass the rules', async () => {
      for (const slug of ['no-backup-codes', 'save-qr-code', 'reenable-from-signed-in-device', 'contact-support-locked-out']) {
        const before = (await stored(slug))!;
        const response = await update(slug, { title: before.title, body: before.body });
        expect(response.errors, slug).toBeUndefined();
        expect(response.data?.updateCanonicalAnswer).toMatchObject(before);
        // Each example passes validation and the secret check, then meets itself.
        for (const { text } of await allExamples(app, slug, staff.token)) {
          const added = await app.request(
            'mutation Add($slug: String!, $text: String!) { addAnswerExample(slug: $slug, text: $text) { id } }',
            { slug, text },
            { token: staff.token },
          );
          expect(added.errors?.[0]?.extensions?.reason, text).toBe('EXAMPLE_EXISTS');
        }
      }
    });
  });

  it('keeps every write to staff', async () => {
    const attempts = [
      [
        'mutation { createCanonicalAnswer(input: { slug: "member-made", title: "Member made", body: "Body" }) { slug } }',
        'createCanonicalAnswer',
      ],
      ['mutation { updateCanonicalAnswer(slug: "save-qr-code", input: { body: "Hacked" }) { version } }', 'updateCanonicalAnswer'],
      ['mutation { retireCanonicalAnswer(slug: "save-qr-code") { retired } }', 'retireCanonicalAnswer'],
      ['mutation { addAnswerExample(slug: "save-qr-code", text: "member example") { id } }', 'addAnswerExample'],
    ] as const;
    for (const [mutation] of attempts) {
      const asMember = await app.request(mutation, {}, { token: member.token });
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await app.request(mutation);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const answer = await app.query<{ canonicalAnswer: { version: number; retired: boolean } }>(
      '{ canonicalAnswer(slug: "save-qr-code") { version retired } }',
    );
    expect(answer.canonicalAnswer).toEqual({ version: 1, retired: false });
    expect(await listSlugs(true)).not.toContain('member-made');
  });
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('Canonical answers across instances sharing Redis', () => {
  const instances = useTwoInstances();
  let staff: TestAccount;
  let member: TestAccount;

  beforeAll(async () => {
    staff = await createAccount(instances.first, Role.STAFF);
    member = await createAccount(instances.first, Role.MEMBER);
  });

  /** Asks again until the answer changes (the message travels through Redis), at most ~5 s. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    let value = await read();
    for (let attempt = 0; attempt < 50 && !done(value); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      value = await read();
    }
    return value;
  }

  it('rebuilds the matcher of every instance when staff change an answer on one', async () => {
    const title = 'Two-factor codes on my smartwatch';
    const body = 'Can my smartwatch show the two-factor codes so I do not need to pull out my phone every time?';
    const topOn = async (app: TestApp) =>
      (await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, { title, body })).suggestAnswers.answers[0]?.slug;
    expect(await topOn(instances.second)).not.toBe('smartwatch-codes');

    await instances.first.query(
      'mutation Create($input: CreateCanonicalAnswerInput!) { createCanonicalAnswer(input: $input) { slug } }',
      { input: { slug: 'smartwatch-codes', title: 'Authenticator codes on a smartwatch', body: 'Watch text.', examples: [] } },
      { token: staff.token },
    );
    await instances.first.query(
      'mutation Add($text: String!) { addAnswerExample(slug: "smartwatch-codes", text: $text) { id } }',
      { text: 'My smartwatch should display the two-factor codes instead of my phone' },
      { token: staff.token },
    );
    expect(await topOn(instances.first)).toBe('smartwatch-codes');
    expect(
      await eventually(
        () => topOn(instances.second),
        (slug) => slug === 'smartwatch-codes',
      ),
    ).toBe('smartwatch-codes');
  });

  it('teaches every instance a question staff dismissed on one, and forgets it everywhere when removed', async () => {
    const question = {
      title: 'Recovery codes of my music streaming account',
      body: 'The streaming service showed me eight recovery codes when I enabled its two-step login. Which one do I use first?',
    };
    const slugsOn = async (app: TestApp) =>
      (await app.query<{ suggestAnswers: { answers: { slug: string }[] } }>(suggest, question)).suggestAnswers.answers.map(
        (answer) => answer.slug,
      );
    expect(await slugsOn(instances.second)).not.toEqual([]);
    const asked = await instances.first.query<{ askQuestion: { id: string } }>(
      'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: question },
      { token: member.token },
    );
    await instances.first.query(
      'mutation Dismiss($threadId: ID!) { dismissSuggestion(threadId: $threadId) { status } }',
      { threadId: asked.askQuestion.id },
      { token: staff.token },
    );
    expect(await slugsOn(instances.first)).toEqual([]);
    expect(
      await eventually(
        () => slugsOn(instances.second),
        (slugs) => slugs.length === 0,
      ),
    ).toEqual([]);

    const learned = await instances.second.query<{ learnedExamples: { id: string; threadId: string }[] }>(
      '{ learnedExamples { id threadId } }',
      {},
      { token: staff.token },
    );
    const example = learned.learnedExamples.find((candidate) => candidate.threadId === asked.askQuestion.id)!;
    await instances.second.query('mutation Remove($id: ID!) { removeLearnedExample(id: $id) }', { id: example.id }, { token: staff.token });
    expect(await slugsOn(instances.second)).not.toEqual([]);
    expect(
      await eventually(
        () => slugsOn(instances.first),
        (slugs) => slugs.length > 0,
      ),
    ).not.toEqual([]);
  });

  it('indexes a question posted on one instance for similar-thread suggestions on the other', async () => {
    const question = {
      title: 'Authenticator on a tablet and a phone',
      body: 'Can I scan the same two-factor QR code with both my tablet and my phone?',
    };
    const asked = await instances.first.query<{ askQuestion: { id: string } }>(
      'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: question },
      { token: member.token },
    );
    const similarOn = async (app: TestApp) =>
      (
        await app.query<{ suggestAnswers: { threads: { id: string }[] } }>(
          'query S($title: String, $body: String) { suggestAnswers(title: $title, body: $body) { threads { id } } }',
          question,
        )
      ).suggestAnswers.threads.map((thread) => thread.id);
    // The index is updated by the question's post-processing job, after the mutation returned.
    expect(
      await eventually(
        () => similarOn(instances.first),
        (ids) => ids.includes(asked.askQuestion.id),
      ),
    ).toContain(asked.askQuestion.id);
    expect(
      await eventually(
        () => similarOn(instances.second),
        (ids) => ids.includes(asked.askQuestion.id),
      ),
    ).toContain(asked.askQuestion.id);
  });
});
