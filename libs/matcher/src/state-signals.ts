import { CanonicalTerm as T } from './text-normalizer.js';

/** Which signals were found in a question; each carries the phrase that triggered it. */
export interface StateSignals {
  /** The text is about two-factor sign-in at all (2FA, one-time codes, authenticator, backup codes, QR). */
  twoFactorTopic: string | null;
  backupCodes: string | null;
  qrOrSecret: string | null;
  /** Wants a second copy: several devices or apps, back up the authenticator. */
  keepCopy: string | null;
  /** Authenticator or its device lost, reset, replaced. */
  lostAuthenticator: string | null;
  /** A new phone or device, without saying anything was lost. */
  newDevice: string | null;
  /** Talks about losing the authenticator only as a possibility (a lost phone in general, not the asker's own), or asks for a feature. */
  hypothetical: string | null;
  /** The asker plans for losing their own phone ("what if I lose my phone?"): wants a spare, not a fix. */
  preparing: string | null;
  /** Deliberate change of authenticator or phone (still has the old one or just moving). */
  switchAuthenticator: string | null;
  /** Wants to set two-factor up again: reset, regenerate, re-enable, turn off and on. */
  redoTwoFactor: string | null;
  signedInSomewhere: string | null;
  signedInNowhere: string | null;
  lockedOut: string | null;
  /** Asks someone else (support, an admin) to reset or remove 2FA, or to recover the account. */
  asksForReset: string | null;
  /** A hard negative: a near-miss topic the bot must not answer, e.g. "passkey". */
  hardNegative: string | null;
  /** Every hard negative found is a topic that can come up in passing ("I imported my passwords, then..."). */
  hardNegativeIsIncidental: boolean;
}

type Rule = readonly [name: string, pattern: RegExp];

const copyTarget = `(${T.twoFactor}|${T.oneTimeCode}|${T.authenticator}|${T.qrCode}|${T.setupSecret}|authenticator|secrets?|seeds?|second factor|tokens?)`;
const device = `(${T.phone}|${T.computer}|${T.tablet}|${T.browser}|device|devices|app|apps|machine|watch)`;
/** Lookbehinds: not right after a move verb and "to" ("switch to another app"), nor after "signed in on". */
const notAMove = `(?<!\\b(switch|switching|switched|move|moving|moved|migrate|migrating|migrated|transfer|transferring|transferred|change|changing|changed|replace|replacing|replaced|from \\w+)\\b[\\w ]{0,30}\\b(to|onto|with) (a |an |the )?)`;
const notASignIn = `(?<!\\b(${T.signIn}|${T.notSignedIn}|${T.signOut})\\b[^.?!]{0,40}\\b(on|in|to|into|from|with|at) (a |an |the |my )?)`;
const anyDevice = `(any|every|all|a single|one|another|other|my other)( of my)?( other)? ${device}`;

const firstMatch = (text: string, rules: readonly Rule[]): string | null => {
  for (const [name, pattern] of rules) {
    const match = pattern.exec(text);
    if (match) return name ? `${name}: ${match[0].trim()}` : match[0].trim();
  }
  return null;
};

const re = (source: string): RegExp => new RegExp(source);

const topicRules: Rule[] = [
  [
    '',
    re(
      `\\b(${T.twoFactor}|${T.oneTimeCode}|${T.authenticator}|authenticator|${T.backupCodes}|${T.setupSecret}|second factor|two factor)\\b`,
    ),
  ],
  ['', re(`\\b${T.qrCode}\\b`)],
  [
    '',
    re(
      `\\b(transfer|move|moving|migrate|copy|get)\\w*\\b.{0,40}\\b(codes|tokens)\\b.{0,40}\\b(new|another|old) (${T.phone}|device)|\\bnew (${T.phone}|device)\\b.{0,60}\\b(transfer|move|moving|migrate|copy)\\w*\\b.{0,40}\\b(codes|tokens)\\b`,
    ),
  ],
  [
    '',
    re(
      `\\b(codes?|tokens?)\\b.{0,60}\\b(${T.lockedOut}|cannot ${T.signIn})\\b|\\b(${T.lockedOut}|cannot ${T.signIn})\\b.{0,60}\\b(codes?|tokens?)\\b`,
    ),
  ],
];

const backupCodeRules: Rule[] = [
  ['', re(`\\b${T.backupCodes}\\b`)],
  ['', /\b(backup|recovery|spare|scratch)\b.{0,30}\bcodes?\b/],
  ['', /\bcodes?\b.{0,20}\b(print|write down)\b/],
];

const qrRules: Rule[] = [['', re(`\\b(${T.qrCode}|${T.setupSecret})\\b`)]];

const keepCopyRules: Rule[] = [
  ['', re(`\\b(back\\s?up|backing up|copy of|copies of|redundan\\w*|duplicate|spare)\\b.{0,40}\\b${copyTarget}`)],
  ['', re(`\\b${copyTarget}.{0,30}\\b(back\\s?up|backed up|redundan\\w*|copy|copies)\\b`)],
  [
    '',
    re(
      `\\b(multiple|several|more than one|second|another|additional|extra|two|2)\\s+((${T.twoFactor}|${T.oneTimeCode}|${T.authenticator}|authenticator)\\s+)?(devices|registrations|authenticators|phones|methods|tokens)\\b`,
    ),
  ],
  [
    '',
    re(
      // "switch to another phone" is a move, and "signed in on another device" is a sign-in, not a second copy
      `\\b(?=(second|another|two|2|multiple|several|more than one|both|extra|additional|backup|spare)\\s)${notAMove}${notASignIn}(second|another|two|2|multiple|several|more than one|both|extra|additional|backup|spare)\\s+(${device}|${T.authenticator}|authenticators?)\\b`,
    ),
  ],
  ['', re(`\\bon (both )?my ${device} and (my |on my |a |another )?(\\w+ )?${device}`)],
  ['', /\b(scan|add)\w*\b.{0,30}\b(twice|two (times|places)|both)\b/],
  [
    '',
    re(
      `\\b(prepare|preparing|prepared|safeguard|best practice|avoid losing|prevent losing|not losing|never lose)\\b.{0,60}\\b(${T.twoFactor}|${T.authenticator}|authenticator|${T.oneTimeCode}|codes|${T.phone})\\b|\\b(${T.twoFactor}|${T.authenticator}|authenticator)\\b.{0,40}\\b(prepare|safeguard|best practice)\\b`,
    ),
  ],
  ['', re(`\\b(both|our|each of our|both of our) (${T.phone}|devices|phones)\\b`)],
];

const lostRules: Rule[] = [
  [
    '',
    re(
      `\\b(lost|lose|losing|stolen|broke|broken|broken|dead|died|dies|destroyed|damaged|drowned|wiped|erased|deleted|removed|reset|resetted|reseted|factory|formatted|reformatted|reinstalled|smashed|cracked|gone|missing|uninstalled|corrupted|crashed|no access to)\\b.{0,40}\\b(${device}|${T.authenticator}|authenticator|${T.twoFactor}|${T.oneTimeCode}|codes?|tokens?|entry|entries|accounts?|it)\\b`,
    ),
  ],
  [
    '',
    re(
      `\\b(${device}|${T.authenticator}|authenticator|${T.twoFactor}|codes?|tokens?)\\b.{0,40}\\b(lost|stolen|broke|broken|dead|died|destroyed|damaged|wiped|erased|deleted|reset|formatted|reinstalled|gone|missing|not work\\w*|stopped working|empty|blank)\\b`,
    ),
  ],
  ['', re(`\\b(not|no) (have|has|access to|longer have)\\b.{0,20}\\b(${T.phone}|${T.authenticator}|authenticator|${T.twoFactor})`)],
];

const newDeviceRules: Rule[] = [
  ['', re(`\\bnew (${T.phone}|${device})\\b`)],
  [
    '',
    re(
      `\\b(changed|switched|replaced|upgraded|moved|migrated|changing|switching|replacing|upgrading|moving|migrating|bought|got) (to )?(a |my |the |another )?(new )?${T.phone}s?\\b`,
    ),
  ],
  ['', re(`\\b(to|onto) (a |my |the )?(new|another|different|other) (${T.phone}|${device})\\b`)],
];

const hypotheticalRules: Rule[] = [
  [
    '',
    /\b(if|when|whenever|should|in case|what if|what happens if|in the event|once|so that|before) (a |the |your |my |our |you |i |we |they |users? |someone |somebody |people |he |she )?(\w+ )?(lose|loses|lost|break|breaks|dies|die|is lost|is stolen|gets? (lost|stolen|broken)|becomes? unavailable|be unavailable)/,
  ],
  [
    '',
    re(
      `\\b(so|to|and|that) (that )?(i |we |you |they )?(will |would )?(not|never|avoid) (\\w+ )?(lose|losing|get ${T.lockedOut}|getting ${T.lockedOut}|be ${T.lockedOut})\\b`,
    ),
  ],
  [
    '',
    /\b(feature request|request:|suggestion|would be (nice|great|useful|helpful)|it would be|please add|add (an? )?(option|ability|possibility|support)|ability to|allow (users?|me|us) to|implement|should (offer|provide|support|give)|provide|consider adding)\b/,
  ],
];

const preparingRules: Rule[] = [
  [
    '',
    /\b(if|when|whenever|in case|what if|what happens if|should|once|before) (i|my|we|our) (\w+ )?(\w+ )?(lose|lost|break|breaks|dies|die|is lost|is stolen|gets? (lost|stolen|broken|wiped|reset)|stops? working)\b/,
  ],
];

const switchRules: Rule[] = [
  [
    '',
    re(
      // "switched on two-factor" turns it on; it moves nothing.
      `\\b(switch|switching|change|changing|move|moving|migrate|migrating|transfer|transferring|replace|replacing|swap)\\w*\\b(?! (it )?(on|off)\\b).{0,50}\\b(${T.authenticator}|authenticator|${T.twoFactor}|${T.oneTimeCode}|codes|tokens|accounts|${device})`,
    ),
  ],
  ['', re(`\\b(${T.authenticator}|authenticator|${T.twoFactor})\\b.{0,30}\\b(to|onto) (a |my |the )?(new|another|different|other) `)],
  ['', re(`\\bfrom ${T.authenticator} to\\b`)],
  ['', re(`\\b(still|also) (have|use|got|own)\\b.{0,15}\\b(old|previous|current|existing)\\b`)],
];

const redoTarget = `(${T.twoFactor}|${T.authenticator}|authenticator|${T.oneTimeCode}|${T.qrCode}|${T.setupSecret})`;
const redoRules: Rule[] = [
  [
    '',
    re(
      `\\b(regenerate|reset|re-?enable|re-?activate|re-?setup|re-?set up|redo|re-?link|re-?add|re-?register|re-?scan|re-?configure|disable|turn off|remove|deactivate)\\w*\\b.{0,30}\\b${redoTarget}\\b`,
    ),
  ],
  ['', re(`\\b${redoTarget}\\b.{0,30}\\b(again|from scratch|off and (back )?on)\\b`)],
];

const signedInRules: Rule[] = [
  ['still signed in', re(`\\bstill\\b.{0,25}\\b(${T.signIn}|unlocked|authenticated|open|access|accessible|using|use)\\b`)],
  [
    'signed in on a device',
    re(
      `(?<!\\b(cannot|not|never|no) (\\w+ )?)\\b${T.signIn}\\b.{0,30}\\b(on|in|to|at|from|with) (my |the |a |our |both |all )?(\\w+ )?(${device}|everywhere|all my)\\b`,
    ),
  ],
  ['signed in on a device', re(`\\b${T.signIn} (everywhere|elsewhere)\\b`)],
  ['signed in on a device', re(`\\b(already|currently|remain|remained|stay|stayed) ${T.signIn}\\b`)],
  ['signed in on a device', re(`\\b(whilst|while|when) ${T.signIn}\\b`)],
  ['has access on a device', re(`\\b(have|has|got) access\\b.{0,20}\\b(on|from|in) (my |the )?(\\w+ )?${device}`)],
  [
    'has access on a device',
    re(`\\b(can|could) (still )?(open|access|use|unlock|get into)\\b.{0,40}\\b(on|in|from) (my |the )?(\\w+ )?${device}`),
  ],
  ['has access on a device', re(`\\b(account|vault|1password|app) is (still )?(open|unlocked)\\b`)],
  [
    'has a session open',
    /\b(active|open|existing|live|current|valid) (browser |web |desktop )?sessions?\b|\bsession is (still )?(active|open|valid)\b/,
  ],
];

const signedInNowhereRules: Rule[] = [
  ['negation: not signed in anywhere', re(`\\b${T.notSignedIn}\\b.{0,25}\\b(any|anywhere|anything|all|every|none|other)\\b`)],
  ['negation: not signed in anywhere', re(`\\b(not|nowhere) ${T.signIn}\\b|\\b${T.signIn} nowhere\\b`)],
  ['negation: not signed in anywhere', re(`\\b${T.notSignedIn}\\b`)],
  ['negation: signed out everywhere', re(`\\b${T.signOut}\\b.{0,20}\\b(all|every|everything|everywhere|each)\\b`)],
  ['negation: no other device', re(`\\bno (other|signed-in|second|more|backup|spare|remaining|other signed-in) ${device}`)],
  [
    'negation: no other device',
    re(`\\b(only|single|one and only) ${device}\\b.{0,40}\\b(stolen|lost|broke|broken|died|dead|wiped|reset|gone)\\b`),
  ],
  ['negation: no access to any device', re(`\\b(not|no|cannot) (have )?(access|get) (to )?${anyDevice}`)],
  ['negation: lost everything', /\b(lost|lose) (everything|all my devices|all devices)\b/],
  [
    'negation: cannot sign in anywhere',
    re(`\\bcannot (${T.signIn}|get in|access)\\b.{0,20}\\b(anywhere|anything|any ${device}|everywhere)\\b`),
  ],
];

const lockedOutRules: Rule[] = [
  ['locked out', re(`\\b${T.lockedOut}\\b`)],
  [
    'cannot sign in',
    re(`\\bcannot (even )?(${T.signIn}|get (back )?in|get (back )?into|access|get access|open|use|enter|recover|reach)\\b`),
  ],
  ['cannot sign in', re(`\\b(not|no) (been )?(able|allowed|possible) to (${T.signIn}|access|get in)`)],
  ['lost access to the account', /\b(lost|lose|no|without) access\b(?!.{0,12}\b(authenticator|2fa|twofa)\b)/],
  ['cannot sign in', /\b(blocked|stuck)\b/],
  [
    'asked for a code',
    re(
      `\\b(requir\\w*|asks? for|asking for|wants?|prompts? for|prompted for|demands?) (a |the |my |an )?(${T.twoFactor} |new )?(${T.oneTimeCode}|code|token)\\b`,
    ),
  ],
  ['cannot sign in', re(`\\b${T.signIn}\\b.{0,20}\\b(fails?|failing|failed|impossible|not work\\w*)\\b`)],
  ['cannot sign in', /\bget (back )?into my (account|vault|stuff)\b/],
  ['account recovery', /\b(recover|recovering|regain|restore)\b.{0,15}\b(my |the |our )?(account|access)\b|\baccount recovery\b/],
];

const askResetRules: Rule[] = [
  [
    'asks for a reset',
    re(
      `\\b(reset|remove|disable|turn off|deactivate|clear)\\w*\\b.{0,30}\\b(${T.twoFactor}|${T.authenticator})\\b.{0,20}\\b(on|for|from) (my|our|his|her|their|the|a|this|one) (account|user)`,
    ),
  ],
  [
    'asks for a reset',
    re(
      `\\b(please|can you|could you|can support|can someone|can an admin|need you to|request\\w*|ask\\w*)\\b.{0,25}\\b(reset|remove|disable|turn off|deactivate|recover)\\b`,
    ),
  ],
  ['asks for a reset', re(`\\b(${T.twoFactor}) (reset|removal|disable)\\b`)],
  [
    'asks for a reset',
    re(
      `\\b(contact\\w*|ask\\w*|email\\w*|reach\\w*|call\\w*|message|through|via|write to|get in touch with|go through|open a ticket with)\\b.{0,12}\\b${T.support}\\b|\\b${T.support} (ticket|agent|staff)|\\bcan ${T.support}\\b`,
    ),
  ],
  ['asks for a reset', /\b(prove|verify|confirm)\w* (my |the )?(identity|ownership)\b|\bwho (do|should) i contact\b/],
  [
    'admin resets a user',
    /\b(admin|administrator)\b.{0,50}\b(user|member|employee)s?\b|\b(a|one|the|our|my) users?\b.{0,30}\b(lost|lose|broke|forgot)\b/,
  ],
];

/** Near-miss topics that a real 2FA-recovery question may mention in passing; the others contradict it. */
const incidentalTopics = new Set([
  'hard-negative: passkey',
  'hard-negative: security key',
  'hard-negative: SMS codes',
  'hard-negative: autofill',
  'hard-negative: import or export',
  'hard-negative: sync',
  'hard-negative: billing',
  'hard-negative: team policy',
  'hard-negative: sharing',
]);

const hardNegativeRules: Rule[] = [
  ['hard-negative: passkey', re(`\\b${T.passkey}\\b`)],
  ['hard-negative: security key', re(`\\b${T.securityKey}\\b`)],
  ['hard-negative: SMS codes', re(`\\b${T.sms}\\b`)],
  ['hard-negative: autofill', re(`\\b${T.autofill}\\b|\\bauto[\\s-]?(copy|fill|type)\\b|\\bclipboard\\b`)],
  [
    'hard-negative: codes for other sites in the vault',
    re(
      `\\b(store|storing|save|saving|put|keep|add|adding|manage)\\b.{0,40}\\b(${T.oneTimeCode}|${T.twoFactor}|${T.backupCodes}|codes?)\\b.{0,40}\\b(in|inside|into|with) (1password|the vault|my vault|a vault|the app|a secure note|secure notes?|a note|password manager|a login|the login|login items?|bitwarden)`,
    ),
  ],
  [
    'hard-negative: codes for other sites in the vault',
    re(`\\b(other|my other|different) (web)?sites?\\b|\\blogin item\\b|\\b${T.oneTimeCode} field\\b`),
  ],
  [
    'hard-negative: codes for other sites in the vault',
    re(
      `\\b(as|for) (my |an |the )?(${T.authenticator}|authenticator)( app)? for\\b|\\buse (1password|bitwarden|it|this|the password manager) (as|for) (my |an )?(${T.authenticator}|authenticator|${T.twoFactor})`,
    ),
  ],
  [
    'hard-negative: codes for other sites in the vault',
    re(
      `\\b(${T.oneTimeCode}|${T.twoFactor}|${T.backupCodes})\\b.{0,30}\\b(shown |stored |saved )?in (1password|the vault|my vault|bitwarden|password manager)`,
    ),
  ],
  [
    'hard-negative: codes rejected',
    re(
      `\\b(${T.oneTimeCode}|codes?|tokens?)\\b.{0,30}\\b(not (work|accept)\\w*|failing|fail|invalid|rejected|wrong|out of sync|offset|expire\\w*)\\b`,
    ),
  ],
  [
    'hard-negative: already has backup codes',
    re(
      `\\b(used|using|entered|tried|typed) (one of )?(my |the |a )?(${T.backupCodes})|\\b${T.backupCodes} (are|is) (shown|displayed|visible|printed)`,
    ),
  ],
  [
    'hard-negative: import or export',
    /\b(import|importing|imported|exporting|csv)\b|\bexport\w*\b.{0,25}\b(passwords?|vaults?|items|logins|data|csv)\b/,
  ],
  [
    'hard-negative: scanner trouble',
    re(
      `\\b(${T.qrCode}|scann?\\w*|camera)\\b.{0,40}\\b(crash\\w*|freez\\w*|error|black screen|not (work|read|recogni[sz]|focus)\\w*|cannot (read|scan|recogni[sz]e))\\b`,
    ),
  ],
  [
    'hard-negative: secrets stored in an authenticator app',
    re(
      `\\b(view|see|show|reveal|display|read|look at)\\w*\\b.{0,30}\\b(stored|saved|existing|added|imported)\\b.{0,20}\\b(${T.setupSecret}|secrets?|keys?|seeds?|entries|accounts)\\b|\\b(${T.setupSecret}|secrets?|keys?|seeds?) (of|for) (each|every|an?|existing|stored|saved) (entry|entries|accounts?|items?)\\b`,
    ),
  ],
  ['hard-negative: sync', /\bsync\w*\b/],
  [
    'hard-negative: billing',
    /\b(subscription|charged|billing|invoice|refund|payment|pricing|family plan|upgrade to family|upgrading to family)\b/,
  ],
  ['hard-negative: master password', re(`\\b${T.masterPassword}\\b|\\bforg[oe]t\\w* (my )?password\\b`)],
  ['hard-negative: account Secret Key', re(`\\b${T.accountSecretKey}\\b`)],
  ['hard-negative: team policy', /\b(enforce|policy|policies|require\w* for all|team members)\b/],
  ['hard-negative: sharing', /\bshar(e|ing)\b.{0,20}\b(vaults?|passwords?|items?|credentials|logins)\b/],
];

/** Finds the state signals in a canonical text (see `TextNormalizer.normalize().canonical`). */
export function detectSignals(canonical: string): StateSignals {
  const hardNegative = firstMatch(canonical, hardNegativeRules);
  return {
    twoFactorTopic: firstMatch(canonical, topicRules),
    backupCodes: firstMatch(canonical, backupCodeRules),
    qrOrSecret: firstMatch(canonical, qrRules),
    keepCopy: firstMatch(canonical, keepCopyRules),
    lostAuthenticator: firstMatch(canonical, lostRules),
    newDevice: firstMatch(canonical, newDeviceRules),
    hypothetical: firstMatch(canonical, hypotheticalRules),
    preparing: firstMatch(canonical, preparingRules),
    switchAuthenticator: firstMatch(canonical, switchRules),
    redoTwoFactor: firstMatch(canonical, redoRules),
    signedInSomewhere: firstMatch(canonical, signedInRules),
    signedInNowhere: firstMatch(canonical, signedInNowhereRules),
    lockedOut: firstMatch(canonical, lockedOutRules),
    asksForReset: firstMatch(canonical, askResetRules),
    hardNegative,
    hardNegativeIsIncidental:
      hardNegative === null || hardNegativeRules.every(([name, pattern]) => incidentalTopics.has(name) || !pattern.test(canonical)),
  };
}

/** Feature names of the signals found, so the classifier learns how much each one matters. */
export function signalTokens(signals: StateSignals): string[] {
  const tokens: string[] = [];
  if (signals.twoFactorTopic) tokens.push('__topic');
  if (signals.backupCodes) tokens.push('__backupcodes');
  if (signals.qrOrSecret) tokens.push('__qr');
  if (signals.keepCopy) tokens.push('__keepcopy');
  if (signals.lostAuthenticator) tokens.push('__lost');
  if (signals.switchAuthenticator) tokens.push('__switch');
  if (signals.newDevice) tokens.push('__newdevice');
  if (signals.hypothetical) tokens.push('__hypothetical');
  if (signals.preparing) tokens.push('__preparing');
  if (signals.redoTwoFactor) tokens.push('__redo');
  if (signals.signedInNowhere) tokens.push('__signedinnowhere');
  else if (signals.signedInSomewhere) tokens.push('__signedin');
  if (signals.lockedOut) tokens.push('__lockedout');
  if (signals.asksForReset) tokens.push('__askreset');
  if (signals.hardNegative) tokens.push(signals.hardNegativeIsIncidental ? '__incidental' : '__hardnegative');
  return tokens;
}
