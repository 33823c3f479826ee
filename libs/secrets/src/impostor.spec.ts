import { describe, expect, it } from 'vitest';
import { findImpostorRequests, ImpostorCategory, usernameImitation, usernameSkeleton } from './index.js';

describe('findImpostorRequests', () => {
  it.each([
    ['Send me the code you just got and I will fix it for you.', ImpostorCategory.AsksForSecret, 'Send me the code'],
    ['DM me your code', ImpostorCategory.AsksForSecret, 'DM me your code'],
    [
      'Easy fix. Just paste your recovery codes here so I can check which ones are used.',
      ImpostorCategory.AsksForSecret,
      'paste your recovery codes',
    ],
    ["What's your master password? I can check the vault.", ImpostorCategory.AsksForSecret, "What's your master password"],
    ['Share your Secret Key and I will restore access.', ImpostorCategory.AsksForSecret, 'Share your Secret Key'],
    ['Which code did you get by SMS?', ImpostorCategory.AsksForSecret, 'Which code did you get'],
    ['I need your 6-digit code to verify the account.', ImpostorCategory.AsksForSecret, 'I need your 6-digit code'],
    ['Tell me the six digit code from your phone', ImpostorCategory.AsksForSecret, 'Tell me the six digit code'],
    ['Email me at fixer@example.test and we sort it out', ImpostorCategory.MovesOffForum, 'Email me'],
    ['Add me on Telegram, I work for the company.', ImpostorCategory.MovesOffForum, 'Add me on'],
    ['My WhatsApp is +1 555 0100', ImpostorCategory.MovesOffForum, 'My WhatsApp is'],
    ['Send your phone number and I will call.', ImpostorCategory.MovesOffForum, 'Send your phone number'],
    ["Let's continue on Discord, easier there.", ImpostorCategory.MovesOffForum, 'continue on Discord'],
    ['Install AnyDesk and I will look at it.', ImpostorCategory.MovesOffForum, 'AnyDesk'],
    ['Send me an email with the account details, I can unlock it.', ImpostorCategory.MovesOffForum, 'Send me an email'],
    ['Drop us a line and we restore the vault today.', ImpostorCategory.MovesOffForum, 'Drop us a line'],
    ['Give me your login details and I will turn 2FA off for you.', ImpostorCategory.AsksForSecret, 'Give me your login details'],
    ['Share your credentials so I can look into it.', ImpostorCategory.AsksForSecret, 'Share your credentials'],
  ])('flags %j', (text, category, phrase) => {
    const findings = findImpostorRequests(text);
    expect(findings[0]).toMatchObject({ category, phrase });
  });

  it.each([
    'Never send your code to anyone, not even staff.',
    "Don't share your recovery codes with anyone who asks for them.",
    'Staff will never ask for your password or your Secret Key.',
    'Enter the 6-digit code from your authenticator app into the sign-in page.',
    'Type the code before it changes; they last 30 seconds.',
    'What is the error code you see? A screenshot of the message helps.',
    'Share your password manager vault with family from the settings.',
    'You can email support and they will check your identity.',
    'Contact support with your account email; they can help when you are locked out.',
    'What was the code format the site asked for, six digits or eight?',
    'Print your recovery codes and keep them somewhere safe.',
    'I had the same issue. Call me crazy, but the clock on my phone was wrong.',
    'Check the QR code page in settings again.',
    'Update your account details page with a new recovery email.',
    'Send the details of the error to support through the help form.',
    'Never give anyone your login details, not even someone claiming to be staff.',
  ])('lets %j pass', (text) => {
    expect(findImpostorRequests(text)).toEqual([]);
  });

  // A quadratic scan of these sentences (a rule's `\s+` next to a `\s*`) takes seconds, a linear one milliseconds.
  it('reads a sentence with a long run of blanks once', { timeout: 2_000 }, () => {
    for (const blank of [' ', '\t', '\u00a0']) {
      expect(findImpostorRequests(`send your${blank.repeat(100_000)}z`)).toEqual([]);
    }
    expect(findImpostorRequests(`Send your${' '.repeat(100_000)}phone number.`)).toMatchObject([{ phrase: 'Send your phone number' }]);
  });

  it('reports each rule once with the triggering words', () => {
    expect(findImpostorRequests('DM me. Send me the code. Email me.')).toEqual([
      { ruleId: 'send-me-your-secret', category: ImpostorCategory.AsksForSecret, phrase: 'Send me the code' },
      { ruleId: 'contact-me-privately', category: ImpostorCategory.MovesOffForum, phrase: 'DM me' },
    ]);
  });
});

describe('usernameImitation', () => {
  const staff = ['maria_s', 'Tomasz', 'faq-bot'];

  it.each([
    ['support', 'RESERVED_WORD'],
    ['Supp0rt', 'RESERVED_WORD'],
    ['support_team', 'RESERVED_WORD'],
    ['the.staff', 'RESERVED_WORD'],
    ['staff1', 'RESERVED_WORD'],
    ['adm1n', 'RESERVED_WORD'],
    ['realadmin', 'RESERVED_WORD'],
    ['moderator-jo', 'RESERVED_WORD'],
    ['mod_jo', 'RESERVED_WORD'],
    ['faqbot', 'RESERVED_WORD'],
    ['faq_b0t', 'RESERVED_WORD'],
    ['twofa-help', 'RESERVED_WORD'],
    ['supporter_ana', 'RESERVED_WORD'],
    ['rnaria_s', 'STAFF_LOOKALIKE'],
    ['mar1a.s', 'STAFF_LOOKALIKE'],
    ['T0MASZ', 'STAFF_LOOKALIKE'],
    ['tornasz', 'STAFF_LOOKALIKE'],
  ])('refuses %j', (username, reason) => {
    expect(usernameImitation(username, staff)?.reason).toBe(reason);
  });

  it.each(['mira_k', 'modesto', 'badminton_fan', 'maria_k', 'tomas', 'ana_stafford', 'jo.admiral'])('accepts %j', (username) => {
    expect(usernameImitation(username, staff)).toBeNull();
  });

  it('folds Cyrillic and Greek look-alikes', () => {
    expect(usernameSkeleton('mаria_s')).toBe(usernameSkeleton('maria_s'));
    expect(usernameSkeleton('ѕupport')).toBe('support');
  });
});
