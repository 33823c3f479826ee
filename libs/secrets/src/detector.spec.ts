import { describe, expect, it } from 'vitest';
import { findSecrets, secretKindsIn, SecretKind, secretKinds } from './index.js';
import { labelledTestSet } from './test-set.js';

// Made-up values in the shapes apps show; none is a real secret.
const setupKey = 'K5QW4ZLSNFXGOYLUMVZA4Y3PNVQXE2LT';

describe('findSecrets', () => {
  it.each([
    [`secret: ${setupKey}`, SecretKind.TotpSetupKey],
    ['my key: k5qw 4zls nfxg oylu mvza 4y3p nvqx e2lt', SecretKind.TotpSetupKey],
    ['my key: k5qw 4zls nfxg 2345 mvza 4y3p nvqx e2lt', SecretKind.TotpSetupKey],
    // Letters only, with as many vowels as words have: judged by how they follow each other.
    ['my key: YQAZUXEKJOWBIVTM', SecretKind.TotpSetupKey],
    ['key: yqaz uxek jowb ivtm', SecretKind.TotpSetupKey],
    [`otpauth://totp/Acme:pat@example.test?secret=${setupKey}&issuer=Acme`, SecretKind.OtpauthUri],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBHRlc3QaBHRlc3QgASgBMAIQARgBIAA%3D', SecretKind.OtpauthMigrationUri],
    ['A3-Q7WK2M-8HTR4N-P3XZ9-6VBC2-M4KD7-R8TN5', SecretKind.AccountSecretKey],
    ['1. 4821 9375\n2. 7730 1264\n3. 5519 8802\n4. 2046 3398', SecretKind.RecoveryCodes],
    ['codes 7f3a2-9c1e4, b82d1-4ae09, 0c6f3-d2b71', SecretKind.RecoveryCodes],
    [`![qr](data:image/png;base64,iVBORw0KGgo${'A1b2C3d4'.repeat(40)})`, SecretKind.ImageDataUri],
    // One recovery code, named as one before or after it.
    ['my recovery code is QXWT-M8KP', SecretKind.RecoveryCode],
    ['backup code: 4817 2093', SecretKind.RecoveryCode],
    ['I tried the code 4kq9-x2mp-7fht from my emergency kit', SecretKind.RecoveryCode],
    ['I tried the code 7473 5554 from my emergency kit', SecretKind.RecoveryCode],
    ['**Emergency code:** `b82d1-4ae09`', SecretKind.RecoveryCode],
    ['The one-time code I typed was "9402817356", then it locked me out.', SecretKind.RecoveryCode],
    ['Is 3f9k-2m8x-q7p1 a valid backup code?', SecretKind.RecoveryCode],
    ['Recovery code:\n\n```\n8817 2049\n```', SecretKind.RecoveryCode],
    ['My backup codes: 5521 7730 and 3308 4419', SecretKind.RecoveryCode],
    ['my backup code for 2FA 4817 2093 is refused', SecretKind.RecoveryCode],
    // Whose code it is, said further before it; a run that counts up inside a code that does not.
    ['the backup code of my account is 4817 2093', SecretKind.RecoveryCode],
    // Printed in groups right after whose it is: a code still, an id is one run.
    ['my backup code for my account 4817 2093 is refused', SecretKind.RecoveryCode],
    ['the recovery code for user 7f3a2-9c1e4 fails', SecretKind.RecoveryCode],
    ['backup code: 1234-9f3k', SecretKind.RecoveryCode],
    ['backup code: 1234 5679', SecretKind.RecoveryCode],
    // Pasted from a printout or a table: groups apart by more than one space, or a tab.
    ['backup code: 4817  2093', SecretKind.RecoveryCode],
    ['recovery code\t4817\t2093', SecretKind.RecoveryCode],
    // A password stated in a sentence.
    ['my password is Tr0ub4dor&3', SecretKind.Password],
    ['Master password: hunter2!x', SecretKind.Password],
    ['the password I set was `Summer2024!` and it is refused', SecretKind.Password],
    ["I changed my password to velvet-harbor-canyon, now it's wrong?", SecretKind.Password],
    ['the password "Welcome1" does not work', SecretKind.Password],
    ['- user: alice\n- pw = M@ple#77', SecretKind.Password],
    ['My vault password is CorrectHorseBatteryStaple.', SecretKind.Password],
    ['Password:\n```\nFalcon!92x\n```', SecretKind.Password],
    ['my password is 48207715', SecretKind.Password],
  ])('finds %j', (text, kind) => {
    expect(secretKindsIn(text)).toEqual([kind]);
  });

  it.each([
    'PLEASEHELPMEIMLOCKEDOUTOFMYVAULT',
    'I keep getting INVALIDVERIFICATIONCODE errors',
    'The code 482913 did not work, then 150377 did.',
    'Ticket #4829130, INC-0048213 and SR-2024-118273.',
    'Related: ZD-48213, ZD-48219, ZD-48300, ZD-48311',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'Version 8.10.44 (81044012) on iOS 17.5.1, was fine in 2.3.4-beta.1',
    'request 550e8400-e29b-41d4-a716-446655440000 failed',
    'TWOFACTORAUTHENTICATION IS BROKEN, INTERNATIONALIZATION TOO',
    'WHAT DOES THIS MEAN THEN',
    'The help page shows A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
    'Is the QR code just an otpauth:// link?',
    'Set TOTP_ENCRYPTION_KEY and retry',
    'Call 555-1234 or 555-9876 or 555-4321',
    'call 5553 2764 from home, room 2345 6723',
    'the code 2345 from this page',
    // Numbers beside recovery-code words that are something else.
    'error code 0x80070005 after I entered my backup code',
    'my backup code only gives code E-1234',
    'I lost my backup codes, support ticket 48213377 is open.',
    'My backup codes are gone; order number 20931847 was refunded.',
    'The backup code screen has been blank since version 8.10.44 (build 81044012).',
    'Is the recovery code the same as my phone number 555 123 4567?',
    'I printed my backup codes on 20240305.',
    // A word beside a number is not a group of the code: codes are printed in groups of one width.
    'No backup codes shown after turning on 2FA 482913',
    'What does a recovery code look like? The help page shows XXXX-XXXX.',
    'my backup code for FIDO2 48213 is refused',
    'Is the recovery code case-sensitive? Mine is read-only in the app.',
    'request 550e8400-e29b-41d4-a716-446655440000 failed on the recovery code page',
    // A number named as something else right before it: an account, a user, an id.
    'backup code for account 12345678',
    'Which recovery code goes with user 48213377?',
    'my backup codes were made for id 4821337790',
    'the backup codes page failed with request id 7f3a29c1e4',
    // Stand-ins typed to show the format count up or down, or repeat one character, all through.
    'my backup code looks like 1234-5678-abcd, is that right format?',
    'is a backup code like 12345678 or abcd-efgh?',
    'backup code: 1234 5678',
    'backup code: XXXX-1234',
    // The authenticator's 6-digit code expires within a minute: never refused, however it is named.
    'it shows 492 817 but says invalid, and my backup codes are at home',
    'my one-time code 492817 is refused',
    'backup code: 492817',
    // What people say about their password.
    'my password is correct',
    'My password is not working since I turned on 2FA.',
    'my password is not working since yesterday',
    'my password is the one I always use',
    'my master password is saved in my browser',
    'The password I set was too long?',
    'my password is "the same as before"',
    'My password is 16 characters long, 10+chars anyway.',
    'my password is 2FA-protected and 1Password-generated',
    'password: ********',
    'master password: [redacted]',
    'password: hun****** (hidden)',
    'my password is long-and-complex',
    'Treat the QR code like a password: anyone who has it can sign in.',
    'my one-time password is 49281733',
    'my password manager is 1Password',
  ])('lets %j pass', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it('points at a named recovery code or a stated password, not at the words naming it', () => {
    const text = 'My backup code is "4817 2093" and my password is `Tr0ub4dor&3`.';
    expect(findSecrets(text)).toEqual([
      { kind: SecretKind.RecoveryCode, start: text.indexOf('4817'), end: text.indexOf('2093') + 4 },
      { kind: SecretKind.Password, start: text.indexOf('Tr0'), end: text.indexOf('&3') + 2 },
    ]);
    const spaced = 'backup code:\t4817   2093 (from the printout)';
    expect(findSecrets(spaced)).toEqual([
      { kind: SecretKind.RecoveryCode, start: spaced.indexOf('4817'), end: spaced.indexOf('2093') + 4 },
    ]);
  });

  it('points at the secret without copying it, and reports the key inside a link once', () => {
    const text = `see otpauth://totp/x?secret=${setupKey} please`;
    const findings = findSecrets(text);
    expect(findings).toEqual([{ kind: SecretKind.OtpauthUri, start: 4, end: text.indexOf(' please') }]);
    expect(Object.keys(findings[0])).toEqual(['kind', 'start', 'end']);
  });
});

describe('the labelled test set', () => {
  it.each([2026, 7, 99])('seed %i: no false positive, recall at least 0.99', (seed) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const example of labelledTestSet(seed, 30)) {
      const found = secretKindsIn(example.text);
      for (const kind of secretKinds) {
        if (found.includes(kind) && example.kinds.includes(kind)) truePositives++;
        else if (found.includes(kind)) falsePositives++;
        else if (example.kinds.includes(kind)) falseNegatives++;
      }
    }
    expect(falsePositives).toBe(0);
    expect(truePositives / (truePositives + falseNegatives)).toBeGreaterThanOrEqual(0.99);
  });

  // Each of these read the text once per candidate before (seconds at these sizes); no durations are asserted.
  describe('on texts far longer than a post', () => {
    it('scans otpauth links once, however many there are without a key', () => {
      const text = `${'otpauth://totp/x?secret='.repeat(40_000)} otpauth://totp/y?secret=${setupKey}`;
      expect(findSecrets(text)).toEqual([{ kind: SecretKind.OtpauthUri, start: text.lastIndexOf('otpauth'), end: text.length }]);
      const migration = `${'otpauth-migration://offline?data=x&'.repeat(30_000)} x`;
      expect(findSecrets(migration)).toEqual([]);
    });

    it('groups thousands of inline code candidates in one pass', () => {
      const codes = Array.from({ length: 100_000 }, (_, index) => String(10_000_000 + index * 7919));
      const text = `codes ${codes.join(' ')}`;
      expect(findSecrets(text)).toEqual([{ kind: SecretKind.RecoveryCodes, start: expect.any(Number), end: expect.any(Number) }]);
    });

    // The tests here with a time limit: a quadratic scan of these takes seconds, a linear one milliseconds.
    it('reads a line ending in a long run of blanks once', { timeout: 2_000 }, () => {
      for (const blank of [' ', '\t']) {
        expect(findSecrets(`abcd 1234${blank.repeat(100_000)}!`)).toEqual([]);
        expect(findSecrets(`send your${blank.repeat(100_000)}z`)).toEqual([]);
      }
    });

    it('reads a stated password once, however much punctuation it holds', { timeout: 2_000 }, () => {
      expect(findSecrets(`my password is x${'.'.repeat(100_000)}y`)).toEqual([]);
      expect(findSecrets(`password: "${'"'.repeat(100_000)}z`)).toEqual([]);
      const text = `${'my password is '.repeat(30_000)}my password is hunter2!x`;
      expect(findSecrets(text)).toEqual([{ kind: SecretKind.Password, start: text.length - 9, end: text.length }]);
    });

    it('reads long runs of code-shaped groups, and thousands of recovery-code names, once', () => {
      const code = 'my recovery code is 7f3a2-9c1e4';
      const texts = [
        `backup code ${'ab12-'.repeat(40_000)}x. ${code}`,
        `backup code ${'1212 '.repeat(40_000)}. ${code}`,
        `backup code ${'a1'.repeat(100_000)}. ${code}`,
        `${'backup code '.repeat(40_000)}. ${code}`,
      ];
      for (const text of texts) {
        expect(findSecrets(text)).toEqual([{ kind: SecretKind.RecoveryCode, start: text.length - 11, end: text.length }]);
      }
    });

    it('drops findings inside others in one pass over thousands of findings', () => {
      const keys = Array.from({ length: 60_000 }, () => setupKey).join(' x ');
      const findings = findSecrets(keys);
      expect(findings).toHaveLength(60_000);
      expect(new Set(findings.map((finding) => finding.kind))).toEqual(new Set([SecretKind.TotpSetupKey]));
    });
  });
});
