/**
 * A labelled test set for the detector: positives made from randomly generated (never real) secrets, and
 * look-alikes that must pass. Deterministic for a seed, so the spec and `npm run eval:secrets` agree.
 */
import { SecretKind } from './secret-kind.js';

export interface LabelledText {
  text: string;
  /** The kinds the text contains; empty for a look-alike that must pass. */
  kinds: SecretKind[];
  /** What the example is, for the report. */
  note: string;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const alphanumeric = 'ABCDEFGHJKLMNPQRSTVWXYZ23456789';
const hex = '0123456789abcdef';
const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** mulberry32: a small seeded generator, so every run builds the same set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function labelledTestSet(seed = 2026, variants = 12): LabelledText[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const draw = (alphabet: string, length: number) => Array.from({ length }, () => pick([...alphabet])).join('');
  const digits = (length: number) => draw('0123456789', length);
  const groups = (value: string, size: number, separator = ' ') => value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(separator);
  const setupKey = () => draw(base32, pick([16, 26, 32, 32, 52]));
  // A run that counts up, as in the stand-ins people type to show a format (1234, 5678, abcd).
  const countingUp = (alphabet: string, length: number) => {
    const start = Math.floor(random() * (alphabet.length - length + 1));
    return alphabet.slice(start, start + length);
  };
  const issuer = () => pick(['Example', 'Acme Mail', 'GitHub', 'Shop', 'Bank']);
  const account = () => `${pick(['alice', 'bob', 'carol', 'dan'])}${digits(2)}@example.test`;
  // One recovery code as services print them: hex 5-5, digits 4 4, groups of four, ten digits.
  const recoveryCode = () =>
    pick([
      () => `${draw(hex, 5)}-${draw(hex, 5)}`,
      () => `${digits(4)} ${digits(4)}`,
      () => groups(draw(alphanumeric, 12), 4, '-').toLowerCase(),
      () => groups(draw(alphanumeric, 8), 4, '-'),
      () => digits(10),
    ])();
  // Passwords as people make them up, and as managers generate them.
  const word = () => pick(['maple', 'falcon', 'harbor', 'summer', 'pickle', 'orbit', 'velvet', 'canyon']);
  const capitalised = (value: string) => value[0].toUpperCase() + value.slice(1);
  const password = () =>
    pick([
      () => `${capitalised(word())}${digits(2 + Math.floor(random() * 3))}${pick(['!', '#', '&', '?', ''])}`,
      () => `${word().replace('a', '@').replace('o', '0')}${pick(['!', '$', '%'])}${digits(1)}`,
      () => `${word()}-${word()}-${word()}${pick(['', `-${digits(1)}`])}`,
      () => `${capitalised(word())}${capitalised(word())}${capitalised(word())}`,
      () => draw('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%^&+=', 20),
    ])();

  const positives: Array<() => LabelledText> = [
    () => ({
      kinds: [SecretKind.TotpSetupKey],
      note: 'setup key, one run, capitals',
      text: `The site showed me this key instead of a QR code: ${setupKey()} and my app says the codes are wrong.`,
    }),
    () => ({
      kinds: [SecretKind.TotpSetupKey],
      note: 'setup key, groups of four, lower case',
      text: `Can't scan, so I typed the key by hand:\n\n${groups(setupKey().toLowerCase(), 4)}\n\nIs that right?`,
    }),
    () => ({
      kinds: [SecretKind.TotpSetupKey],
      note: 'setup key, groups of four, one of them digits only',
      text: `typed it as ${groups(draw(base32, 12).toLowerCase(), 4)} ${draw('234567', 4)} ${groups(draw(base32, 16).toLowerCase(), 4)} but no luck`,
    }),
    () => ({
      kinds: [SecretKind.TotpSetupKey],
      note: 'setup key, groups of four, capitals, with padding',
      text: `key = ${groups(draw(base32, 32), 4)}==== why does it not work`,
    }),
    () => ({
      kinds: [SecretKind.OtpauthUri],
      note: 'otpauth:// link',
      text: `I decoded the QR: otpauth://totp/${encodeURIComponent(issuer())}:${account()}?secret=${setupKey()}&issuer=${encodeURIComponent(issuer())}&digits=6`,
    }),
    () => ({
      kinds: [SecretKind.OtpauthUri],
      note: 'otpauth:// link, secret last, in markdown code',
      text: '```\notpauth://hotp/' + account() + '?counter=3&secret=' + setupKey() + '\n```',
    }),
    () => ({
      kinds: [SecretKind.OtpauthMigrationUri],
      note: 'otpauth-migration:// export',
      text: `Export from my authenticator gave otpauth-migration://offline?data=${encodeURIComponent(draw(base64, 60 + Math.floor(random() * 200)))} can I import that?`,
    }),
    () => ({
      kinds: [SecretKind.AccountSecretKey],
      note: 'Secret Key, 1Password style',
      text: `Is this the Secret Key it wants? A3-${draw(alphanumeric, 6)}-${draw(alphanumeric, 6)}-${draw(alphanumeric, 5)}-${draw(alphanumeric, 5)}-${draw(alphanumeric, 5)}-${draw(alphanumeric, 5)}`,
    }),
    () => ({
      kinds: [SecretKind.AccountSecretKey],
      note: 'Secret Key, lower case, spaces',
      text: `my emergency kit says a3 ${[6, 6, 5, 5, 5, 5].map((length) => draw(alphanumeric, length).toLowerCase()).join(' ')} but the app rejects it`,
    }),
    () => ({
      kinds: [SecretKind.RecoveryCodes],
      note: 'recovery codes, hex five-five, one per line',
      text: `These are my backup codes, which one still works?\n\n${Array.from({ length: 10 }, () => `${draw(hex, 5)}-${draw(hex, 5)}`).join('\n')}`,
    }),
    () => ({
      kinds: [SecretKind.RecoveryCodes],
      note: 'recovery codes, numbered, digits in two groups',
      text: `Recovery codes:\n${Array.from({ length: 8 }, (_, index) => `${index + 1}. ${digits(4)} ${digits(4)}`).join('\n')}`,
    }),
    () => ({
      kinds: [SecretKind.RecoveryCodes],
      note: 'recovery codes, inline, comma separated',
      text: `I still have ${Array.from({ length: 4 }, () => `${draw(alphanumeric, 4)}-${draw(alphanumeric, 4)}-${draw(alphanumeric, 4)}`.toLowerCase()).join(', ')} left.`,
    }),
    () => ({
      kinds: [SecretKind.RecoveryCodes],
      note: 'recovery codes, bulleted, ten digits',
      text: `- ${digits(10)}\n- ${digits(10)}\n- ${digits(10)}\n- ${digits(10)}`,
    }),
    () => ({
      kinds: [SecretKind.RecoveryCode],
      note: 'one recovery code, named before it',
      text: pick([
        `My recovery code is ${recoveryCode()} and the site says it is invalid. What now?`,
        `backup code: ${recoveryCode()}`,
        `**Emergency code:** \`${recoveryCode()}\` (rejected twice)`,
        `The backup code of my account is ${recoveryCode()}, is it still valid?`,
        `The backup code I typed was "${recoveryCode()}", straight from the printout.`,
        `Recovery code:\n\n\`\`\`\n${recoveryCode()}\n\`\`\`\n\nLocked out since Monday.`,
      ]),
    }),
    () => ({
      kinds: [SecretKind.RecoveryCode],
      note: 'one recovery code, named after it',
      text: pick([
        `I tried the code ${recoveryCode()} from my emergency kit and nothing happened.`,
        `Is ${recoveryCode()} a valid backup code? It looks different from the others.`,
        `> ${recoveryCode()} is my last recovery code\n\nso I don't want to waste it.`,
      ]),
    }),
    () => ({
      kinds: [SecretKind.RecoveryCode],
      note: 'one recovery code that counts up in part',
      text: `My backup code is ${countingUp('0123456789', 4)}-${draw(alphanumeric, 4)} and it is refused.`,
    }),
    // Even said to be used: the detector cannot tell a spent code, and where codes are not single-use it still works.
    () => ({
      kinds: [SecretKind.RecoveryCode],
      note: 'one backup code, said to be used',
      text: `I used backup code ${draw(hex, 5)}-${draw(hex, 5)} yesterday and it worked.`,
    }),
    () => ({
      kinds: [SecretKind.Password],
      note: 'a password stated in a sentence',
      text: pick([
        `My master password is ${password()} and it still says wrong password.`,
        `master password: ${password()}`,
        `The password I set was \`${password()}\` but now it's refused.`,
        `I changed my password to ${password()} last night, now the app wants a code.`,
        `- user: ${account()}\n- pw: "${password()}"`,
      ]),
    }),
    () => ({
      kinds: [SecretKind.Password],
      note: 'a password in a code block',
      text: `Account password:\n\`\`\`\n${password()}\n\`\`\`\nIs that too weak?`,
    }),
    () => ({
      kinds: [SecretKind.ImageDataUri],
      note: 'QR image pasted as a data URI',
      text: `Here is the QR it shows ![qr](data:image/png;base64,iVBORw0KGgo${draw(base64, 300 + Math.floor(random() * 500))}=)`,
    }),
    () => ({
      kinds: [SecretKind.TotpSetupKey, SecretKind.RecoveryCodes],
      note: 'setup key and recovery codes together',
      text: `secret: ${setupKey()}\n\nbackup:\n${Array.from({ length: 5 }, () => digits(8)).join('\n')}`,
    }),
  ];

  const lookAlikes: Array<() => LabelledText> = [
    () => ({
      kinds: [],
      note: 'six-digit code in prose',
      text: `The code ${digits(6)} was rejected, then ${digits(6)} worked a minute later.`,
    }),
    () => ({
      kinds: [],
      note: 'several six-digit codes',
      text: `Tried ${digits(6)}, ${digits(6)} and ${digits(6)}; none worked. Is my phone clock wrong?`,
    }),
    () => ({
      kinds: [],
      note: 'ticket numbers',
      text: `Support ticket #${digits(6)} was merged into INC-${digits(7)} and SR-2024-${digits(6)}.`,
    }),
    () => ({
      kinds: [],
      note: 'list of ticket numbers with one prefix',
      text: `Related: ZD-${digits(5)}, ZD-${digits(5)}, ZD-${digits(5)}, ZD-${digits(5)}`,
    }),
    () => ({ kinds: [], note: 'hex hashes', text: `sha1 ${draw(hex, 40)}\nsha256 ${draw(hex, 64)}\nmd5 ${draw(hex, 32)}` }),
    () => ({ kinds: [], note: 'bare sha256', text: `Checksum of the installer: ${draw(hex, 64)}` }),
    () => ({
      kinds: [],
      note: 'git log lines',
      text: Array.from({ length: 4 }, () => `${draw(hex, 7)} ${pick(['Fix sync', 'Update copy', 'Bump version', 'Add test'])}`).join('\n'),
    }),
    () => ({
      kinds: [],
      note: 'version strings',
      text: `App ${1 + Math.floor(random() * 9)}.${Math.floor(random() * 20)}.${Math.floor(random() * 50)} (build ${digits(8)}) on iOS 17.5.1, was fine on 2.3.4-beta.1`,
    }),
    () => ({
      kinds: [],
      note: 'UUIDs',
      text: `Request ids:\n${Array.from({ length: 3 }, () => `${draw(hex, 8)}-${draw(hex, 4)}-4${draw(hex, 3)}-a${draw(hex, 3)}-${draw(hex, 12)}`).join('\n')}`,
    }),
    () => ({
      kinds: [],
      note: 'long words in capitals',
      text: pick([
        'TWOFACTORAUTHENTICATION IS BROKEN FOR ME',
        'PLEASEHELPMEASAPIMLOCKEDOUT',
        'INTERNATIONALIZATION settings reset my AUTHENTICATOR preferences',
        'MY ACCOUNT HAS BEEN LOCKED SINCE YESTERDAY AND NOBODY ANSWERS',
      ]),
    }),
    () => ({
      kinds: [],
      note: 'prose of four-letter words',
      text: pick(['this code does work fine', 'WHAT DOES THIS MEAN THEN', 'when will that sync back']),
    }),
    () => ({
      kinds: [],
      note: 'Secret Key placeholder',
      text: 'Where do I find the Secret Key? The help page shows A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX.',
    }),
    () => ({
      kinds: [],
      note: 'otpauth mentioned, no secret',
      text: 'Is the QR code just an otpauth:// link? Mine shows otpauth://totp/Example:alice?issuer=Example',
    }),
    () => ({ kinds: [], note: 'setting and error names', text: 'Set TOTP_ENCRYPTION_KEY and check ERR_CERT_DATE_INVALID in the logs.' }),
    () => ({ kinds: [], note: 'mixed-case base64', text: `The token header is ${draw(base64.slice(0, 62), 24)} if that matters.` }),
    () => ({
      kinds: [],
      note: 'phone numbers and dates',
      text: `Call 555-${digits(4)} or 555-${digits(4)}; it broke on 2024-03-0${1 + Math.floor(random() * 8)} at 10:42.`,
    }),
    () => ({ kinds: [], note: 'image by https link', text: 'Screenshot: ![settings](https://example.test/images/settings-page.png)' }),
    () => ({
      kinds: [],
      note: 'the authenticator code beside recovery-code words',
      text: pick([
        `It shows ${digits(3)} ${digits(3)} but says invalid, and I have no backup codes.`,
        `The one-time code ${digits(6)} is refused; should I use a recovery code instead?`,
        `My authenticator code **${digits(6)}** fails, so does my recovery code.`,
      ]),
    }),
    () => ({
      kinds: [],
      note: 'error, ticket and order numbers beside recovery-code words',
      text: pick([
        `After my backup code I get error code 0x8007${draw(hex, 4)}.`,
        `The recovery code field answers "code E-${digits(4)}".`,
        `I lost my recovery codes; support ticket ${digits(8)} has no answer yet.`,
        `Ordered the printed backup code card, order number ${digits(8)}, never arrived.`,
        `Backup code screen is blank since version ${digits(1)}.${digits(2)}.${digits(1)} (build ${digits(8)}).`,
      ]),
    }),
    () => ({
      kinds: [],
      note: 'recovery codes described, not given',
      text: pick([
        'What does a recovery code look like? The help page shows XXXX-XXXX.',
        'Is the recovery code case-sensitive? Mine is 10 characters long.',
        'My backup codes are printed and in a drawer at home, 200 km away.',
        'The emergency kit PDF is read-only and has no recovery code on it.',
      ]),
    }),
    () => ({
      kinds: [],
      note: 'what people say about their password',
      text: pick([
        'My password is correct, the code is what fails.',
        'my password is not working since I turned on 2FA',
        'My master password is saved in my browser, is that bad?',
        'The password I set was too long for the mobile app?',
        'My password is "the same as before", so that is not it.',
        'my password is 16 characters long and has symbols',
        'my password is not working since yesterday',
        'My password is the one I always use, nothing special.',
        'My password is 2FA-protected now, right?',
        'The master password is 1Password-generated, I never typed it.',
      ]),
    }),
    () => ({
      kinds: [],
      note: 'passwords masked or referred to',
      text: pick([
        'Username: alice\nPassword: ********',
        'master password: [redacted]',
        'password: hun****** (the rest is hidden)',
        'Treat the QR code like a password: anyone who has it can sign in.',
        'My email is alice@example.test and my password is the usual one.',
      ]),
    }),
    () => ({
      kinds: [],
      note: 'a four-digit number among four-letter words',
      text: pick([
        `enter the code ${draw('234567', 4)} from this page`,
        `type code ${draw('234567', 4)} into this form then wait`,
        `they said room ${draw('234567', 4)} will open soon`,
      ]),
    }),
    () => ({
      kinds: [],
      note: 'an account, user or id number beside recovery-code words',
      text: pick([
        `No backup code for account ${digits(8)}, what now?`,
        `Which recovery code goes with user ${digits(8)}?`,
        `My backup codes were made for id ${digits(10)} and not this one.`,
      ]),
    }),
    () => ({
      kinds: [],
      note: 'a stand-in recovery code that counts up, to ask about the format',
      text: pick([
        `my backup code looks like ${countingUp('0123456789', 4)}-${countingUp('0123456789', 4)}-${countingUp('abcdefghijklmnopqrstuvwxyz', 4)}, is that the right format?`,
        `Is a recovery code like ${countingUp('0123456789', 8)} or ${countingUp('abcdefghijklmnopqrstuvwxyz', 4)}-${countingUp('abcdefghijklmnopqrstuvwxyz', 4)}?`,
        `Backup code: ${countingUp('0123456789', 4)} ${countingUp('0123456789', 4)} (an example, not mine)`,
      ]),
    }),
    () => {
      const name = pick(['FIDO2', 'WPA2', 'WPA3', 'TLS13']);
      return {
        kinds: [],
        note: 'a name with its version beside a number and recovery-code words',
        text: `My backup code for ${name} ${digits(name.length)} is refused.`,
      };
    },
    () => ({ kinds: [], note: 'menu path on lines', text: 'Settings\nSecurity\nTwo-factor authentication\nRecovery codes' }),
    () => ({
      kinds: [],
      note: 'order numbers with dates',
      text: `Orders 20240105${digits(2)}, 20240105${digits(2)} and 20240105${digits(2)} show the same charge.`,
    }),
  ];

  const set: LabelledText[] = [];
  for (let variant = 0; variant < variants; variant++) {
    for (const make of positives) set.push(make());
    for (const make of lookAlikes) set.push(make());
  }
  return set;
}
