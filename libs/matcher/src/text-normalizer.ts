import { editDistance, isEnglishWord, stem } from './natural.js';

/**
 * Canonical tokens that stand for a family of synonyms. They are plain words so that the
 * tokenizer and the stemmer leave them alone.
 */
export const CanonicalTerm = {
  twoFactor: 'twofa',
  backupCodes: 'backupcode',
  qrCode: 'qrcode',
  setupSecret: 'totpsecret',
  oneTimeCode: 'otpcode',
  authenticator: 'authenticator',
  signIn: 'signin',
  signOut: 'signout',
  notSignedIn: 'nosignin',
  cannot: 'cannot',
  phone: 'phone',
  computer: 'computer',
  tablet: 'tablet',
  browser: 'browser',
  passkey: 'passkey',
  securityKey: 'securitykey',
  sms: 'sms',
  emergencyKit: 'emergencykit',
  accountSecretKey: 'accountsecretkey',
  masterPassword: 'masterpassword',
  autofill: 'autofill',
  support: 'support',
  lockedOut: 'lockedout',
} as const;

type Rewrite = readonly [pattern: RegExp, replacement: string];

const T = CanonicalTerm;

// Order matters: longer and more specific phrases first (backup codes before one-time codes,
// the account's Secret Key before a 2FA secret key).
const rewrites: readonly Rewrite[] = [
  [/[\u2018\u2019\u02bc`´]/g, "'"],
  [/\b(can'?t|can\s+not|couldn'?t|could\s+not|unable\s+to|not\s+able\s+to|impossible\s+to)\b/g, ` ${T.cannot} `],
  [/\b(won'?t|wouldn'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|hadn'?t|no\s+longer|never)\b/g, ' not '],
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\b(\w+)'s\b/g, '$1'],
  // the account's own Secret Key and master password are not 2FA (a "secret key" next to a QR code
  // or TOTP is the 2FA setup key; see `rewrite`)
  [/\bsecret\s*key\b(?!\s+(for|of)\s+(my\s+|the\s+)?(2fa|two|totp|otp|mfa|authenticator))/g, ` ${T.accountSecretKey} `],
  [/\b(master|account|main)\s+password\b/g, ` ${T.masterPassword} `],
  [/\bemergency\s*kit\b/g, ` ${T.emergencyKit} `],
  // two-factor and friends
  [
    /\b(two|2)[\s-]*(factor|step|fa)(\s+(authentication|authentification|authenticator|auth|verification|login|log\s*in|sign\s*in|security))?\b/g,
    ` ${T.twoFactor} `,
  ],
  [/\bmulti[\s-]*factor(\s+(authentication|auth|verification))?\b/g, ` ${T.twoFactor} `],
  [/\b(mfa|tfa|2sv|otp\s+2fa|second[\s-]+factor(\s+(authentication|auth))?)\b/g, ` ${T.twoFactor} `],
  // backup codes: "backup codes", "one-time recovery codes", "scratch codes", "recovery key"...
  [
    /\b((one|1|single)[\s-]*(time|use)\s+)?(back[\s-]?up|recovery|rescue|scratch|emergency|fallback|spare|reserve|offline)\s+((2fa|twofa|verification|login|authenticator|authentication|one[\s-]*time|security)\s+)?(codes?|keys?|tokens?|passwords?|pins?)\b/g,
    ` ${T.backupCodes} `,
  ],
  [/\b(one|1|single)[\s-]*(time|use)\s+(backup|recovery)\b/g, ` ${T.backupCodes} `],
  [/\b(qr|q\.r\.)[\s-]*codes?\b|\bqrcodes?\b|\bbar\s*codes?\b/g, ` ${T.qrCode} `],
  [/\b(totp|otp|2fa|twofa|mfa|authenticator|setup|set-up|seed|shared)\s+(secrets?|seeds?|keys?)\b/g, ` ${T.setupSecret} `],
  [/\bsecret\s+key\b/g, ` ${T.setupSecret} `],
  [
    /\b(totp|hotp|otp|otps|one[\s-]*time\s+(pass\s*)?(codes?|passwords?|pins?|tokens?)|verification\s+codes?|security\s+codes?|auth(entication)?\s+codes?|login\s+codes?|2fa\s+codes?|twofa\s+codes?|6[\s-]*digit\s+codes?)\b/g,
    ` ${T.oneTimeCode} `,
  ],
  [
    /\b(google|microsoft|ms|duo|lastpass|okta)\s+(authenticator|auth)\b|\bauth(y|enticator)\s+apps?\b|\b(authy|aegis|andotp|freeotp|raivo|2fas|winauth|steam\s+guard)\b|\bauth\s+apps?\b/g,
    ` ${T.authenticator} `,
  ],
  [/\b(passkeys?|pass\s+keys?)\b/g, ` ${T.passkey} `],
  [/\b(yubi\s*keys?|security\s+keys?|hardware\s+keys?|u2f|fido2?|webauthn|titan\s+keys?)\b/g, ` ${T.securityKey} `],
  [/\b(sms|text\s+messages?|texts?\s+to\s+my\s+phone)\b/g, ` ${T.sms} `],
  [/\bauto[\s-]?fill(ing|ed|s)?\b/g, ` ${T.autofill} `],
  [/\blocked[\s-]+out\b|\block[\s-]?out\b/g, ` ${T.lockedOut} `],
  [/\b(signed|logged|log|sign|logging|signing)[\s-]*(in|on)(to)?\b|\blog[\s-]?ins?\b|\blogon\b|\bsignin\b/g, ` ${T.signIn} `],
  [/\b(signed|logged|log|sign)[\s-]*(out|off)\b|\blogout\b/g, ` ${T.signOut} `],
  [/\b(customer\s+)?(support|service|help\s*desk|helpdesk)(\s+team)?\b/g, ` ${T.support} `],
  [/\b(i\s*phones?|android(\s+phones?)?|cell\s*phones?|smart\s*phones?|mobile(\s+phones?)?|pixel|galaxy|handy|phones?)\b/g, ` ${T.phone} `],
  [
    /\b(laptops?|desktops?|pcs?|computers?|macs?|macbooks?|imacs?|chromebooks?|workstations?|windows\s+app|desktop\s+app)\b/g,
    ` ${T.computer} `,
  ],
  [/\b(ipads?|tablets?)\b/g, ` ${T.tablet} `],
  [/\b(browsers?|chrome|firefox|safari|edge|browser\s+extension|extension)\b/g, ` ${T.browser} `],
];

const negators = new Set(['not', 'no', 'without', 'nowhere', T.cannot]);

const stopwords = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being am
  i me my mine we our you your he she it its they them their this that these those there here
  do does did doing have has had having will would shall should may might must can could
  just also very really please thanks thank hi hello hey help what which who whom whose when where why how
  there's it's im ive id yes ok okay oh um uh etc via per`.split(/\s+/),
);

// Domain words a typo is most likely to be aimed at (stems of these feed the vocabulary too).
const domainLexicon = `authenticator authentication authenticate verification verify recovery recover backup codes
  account accounts device devices phone restore restored transfer transferred migrate migration replace
  disable disabled enable enabled reenable deactivate activate factor access locked signed logged
  stolen broken destroyed deleted erased wiped reset factory support contact identity generate regenerate
  printed print screenshot scanner scanned secret setup settings security password emergency upgrade
  switched changed another second multiple redundancy forgot forgotten missing provide provided`.split(/\s+/);

/**
 * At most this many distinct unknown words of one text are looked up for a typo (each lookup measures the edit
 * distance to the vocabulary words of the same initial); the rest stay as written. A question has a handful; a long
 * text of made-up words would otherwise cost words x vocabulary per call, and suggestions run on every keystroke.
 */
export const typoLookupsPerText = 64;
/** Typo lookups remembered across texts; the oldest is forgotten first. */
export const rememberedTypoLookups = 20_000;

/** Result of normalizing one text. */
export interface NormalizedText {
  /** Lower-cased text with synonyms rewritten to canonical tokens (used by the state signals). */
  canonical: string;
  /** Stemmed content tokens, synonyms and typos resolved, negated sign-ins marked. */
  tokens: string[];
  /** Typo corrections applied, as "typo->word". */
  corrections: string[];
}

/**
 * Turns free text into canonical, stemmed tokens: 2FA synonyms (two-factor, 2-step, MFA, TOTP,
 * authenticator app names...), contractions and negation, and typo tolerance against a vocabulary.
 */
export class TextNormalizer {
  private readonly vocabulary = new Set<string>();
  private readonly targetsByInitial = new Map<string, string[]>();
  private readonly correctionCache = new Map<string, string | null>();

  /** @param vocabularyTexts texts whose words are known (the knowledge base); typos are corrected towards them. */
  constructor(
    vocabularyTexts: readonly string[] = [],
    private readonly correctTypos = true,
  ) {
    // Load the English lexicon now rather than on the first question.
    if (correctTypos) isEnglishWord('');
    const words = [...domainLexicon];
    for (const text of vocabularyTexts) words.push(...tokenizeWords(text.toLowerCase()));
    for (const term of Object.values(CanonicalTerm)) words.push(term);
    for (const word of words) {
      if (this.vocabulary.has(word)) continue;
      this.vocabulary.add(word);
      if (word.length < 5 || /\d/.test(word)) continue;
      const initial = word[0]!;
      const list = this.targetsByInitial.get(initial) ?? [];
      list.push(word);
      this.targetsByInitial.set(initial, list);
    }
  }

  /** Normalizes one text; see {@link NormalizedText}. */
  normalize(text: string): NormalizedText {
    const canonical = rewrite(text);
    const corrections: string[] = [];
    const lookedUp = new Map<string, string>();
    const words = tokenizeWords(canonical).map((word) => {
      if (!this.mayBeTypo(word)) return word;
      let fixed = lookedUp.get(word);
      if (fixed === undefined) {
        fixed = lookedUp.size < typoLookupsPerText ? this.closestWord(word) : word;
        lookedUp.set(word, fixed);
      }
      if (fixed !== word) corrections.push(`${word}->${fixed}`);
      return fixed;
    });
    const tokens: string[] = [];
    let negatedWindow = 0;
    for (const word of words) {
      if (negators.has(word)) {
        negatedWindow = 3;
        tokens.push(word === T.cannot ? T.cannot : 'not');
        continue;
      }
      if (word === T.signIn && negatedWindow > 0) {
        tokens.push(T.notSignedIn);
        negatedWindow = 0;
        continue;
      }
      if (negatedWindow > 0) negatedWindow--;
      if (stopwords.has(word) || word.length < 2) continue;
      tokens.push(isCanonical(word) ? word : stem(word));
    }
    const canonicalWithFixes = corrections.length ? rewrite(words.join(' ')) : canonical;
    return { canonical: canonicalWithFixes, tokens, corrections };
  }

  private mayBeTypo(word: string): boolean {
    return this.correctTypos && word.length >= 5 && !this.vocabulary.has(word) && !/\d/.test(word) && !isEnglishWord(word);
  }

  /** The vocabulary word closest to `word` within one or two edits, or `word` itself. */
  private closestWord(word: string): string {
    const cached = this.correctionCache.get(word);
    if (cached !== undefined) return cached ?? word;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = maxDistance + 1;
    for (const candidate of this.targetsByInitial.get(word[0]!) ?? []) {
      const distance = editDistance(word, candidate, maxDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (this.correctionCache.size >= rememberedTypoLookups) this.correctionCache.delete(this.correctionCache.keys().next().value!);
    this.correctionCache.set(word, best);
    return best ?? word;
  }
}

const canonicalSet = new Set<string>(Object.values(CanonicalTerm));

function isCanonical(word: string): boolean {
  return canonicalSet.has(word);
}

/** Splits lower-case text into word tokens (letters and digits). */
export function tokenizeWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * How much of a text is read, counted after Unicode normalisation (which can turn one character into eighteen): a
 * question's gist is in its first lines, and the time to read a text grows with its length.
 */
export const longestTextRead = 8_000;

/** Lower-cases and rewrites synonym phrases to canonical tokens. */
export function rewrite(text: string): string {
  let out = ` ${text.normalize('NFKC').slice(0, longestTextRead).toLowerCase()} `;
  if (/\b(qr|totp|otp)\b/.test(out)) out = out.replace(/\bsecret\s*key\b/g, 'totp secret');
  for (const [pattern, replacement] of rewrites) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ');
}
