/**
 * The impostor rules as data: phrases that ask someone for what only they should have, or pull them off the forum,
 * and the usernames nobody but staff may look like. Patterns are regular-expression sources, matched
 * case-insensitively within one sentence; `{secret}` stands for `secretNoun`.
 */

export enum ImpostorCategory {
  /** Asks for a one-time code, a password, recovery codes, a Secret Key or a setup key / QR code. */
  AsksForSecret = 'ASKS_FOR_SECRET',
  /** Asks to move to e-mail, chat, a phone call or a remote-control session. */
  MovesOffForum = 'MOVES_OFF_FORUM',
}

export interface PhraseRule {
  id: string;
  category: ImpostorCategory;
  pattern: string;
}

/** What must never be handed to another member. Not "error code", "password manager", "code format"... */
export const secretNoun =
  '(?<!\\b(?:error|status|exit|promo|coupon|discount|country|area|zip|postal|source|response|reference|ticket|confirmation|tracking|product|region|gift|invite|referral)\\s)' +
  '(?:(?:new|current|latest|last|six[- ]digit|6[- ]digit|verification|login|sign[- ]?in|2fa|two[- ]factor|authenticator|one[- ]time|otp|sms|security|text|master|account|vault|admin|recovery|backup|emergency|secret|setup)\\s+)*' +
  '(?:codes?|otps?|passcodes?|pins?|passwords?|passphrases?|secret keys?|setup keys?|emergency kit|qr codes?|keys?|credentials|(?<=\\b(?:login|account|sign[- ]?in)\\s)(?:details|info))' +
  '(?!\\s*(?:format|length|field|box|screen|page|settings?|option|manager|reset|hint|rules?|requirements?|of conduct|generator|strength)\\b)';

export const phraseRules: PhraseRule[] = [
  {
    id: 'send-me-your-secret',
    category: ImpostorCategory.AsksForSecret,
    pattern:
      '\\b(?:send|give|share|tell|post|paste|dm|pm|message|text|e-?mail|forward|provide|drop|reply with|screenshot|read (?:me|us|out))\\b' +
      '(?:\\s+(?:me|us|it|over|along|back|here|to me|to us|a (?:screenshot|photo|picture) of))*' +
      '\\s+(?:your|the|that|this|those|these|all|all of your|each|any)\\s+(?:\\w+\\s+){0,2}?{secret}',
  },
  {
    id: 'what-is-your-secret',
    category: ImpostorCategory.AsksForSecret,
    pattern: "\\bwhat(?:'s|\\s+is|\\s+was|\\s+are|\\s+were)\\s+(?:your|the)\\s+(?:\\w+\\s+){0,2}?{secret}\\b",
  },
  {
    id: 'which-code-did-you-get',
    category: ImpostorCategory.AsksForSecret,
    pattern: '\\b(?:what|which)\\s+{secret}\\s+(?:did|do|does|have)\\s+you\\s+(?:just\\s+)?(?:get|got|receive|received|see|have)\\b',
  },
  {
    id: 'i-need-your-secret',
    category: ImpostorCategory.AsksForSecret,
    pattern:
      '\\b(?:i|we)\\s+(?:will\\s+)?(?:need|want|require)\\s+(?:to\\s+(?:see|have|know|verify)\\s+)?(?:your|the)\\s+(?:\\w+\\s+){0,2}?{secret}\\b',
  },
  {
    id: 'contact-me-privately',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\b(?:dm|pm|inbox|message|text|e-?mail|mail|call|ring|ping|whatsapp|telegram|contact|reach|hit)\\s+me\\b(?!\\s+(?:crazy|old[- ]fashioned|paranoid))',
  },
  {
    id: 'write-to-me',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\b(?:send|drop|shoot|write)\\s+(?:me|us)\\s+(?:an?\\s+)?(?:e-?mail|dm|pm|direct message|private message|message|text|line)\\b',
  },
  {
    id: 'add-me-on-chat',
    category: ImpostorCategory.MovesOffForum,
    pattern: '\\badd\\s+me\\s+(?:on|at)\\b',
  },
  {
    id: 'my-contact-details',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\bmy\\s+(?:whatsapp|telegram|signal|discord|skype|wechat|phone|cell|mobile|number|e-?mail(?:\\s+address)?)\\s*(?:is|:|number is)',
  },
  {
    id: 'your-phone-number',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\b(?:send|give|share|text|dm|tell)\\s+(?:me\\s+|us\\s+)?your\\s+(?:phone|mobile|cell|whatsapp|telegram)?\\s*(?:number|handle|contact)\\b',
  },
  {
    id: 'continue-privately',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\b(?:talk|chat|continue|move this|take this|sort (?:it|this) out|discuss)\\s+(?:privately|in private|offline|off[- ]forum|one[- ]on[- ]one|on (?:whatsapp|telegram|discord|signal|skype)|(?:by|over|via) (?:phone|e-?mail|dm|whatsapp|telegram|discord))\\b',
  },
  {
    id: 'call-or-remote-session',
    category: ImpostorCategory.MovesOffForum,
    pattern:
      '\\b(?:hop|jump|get)\\s+on\\s+a\\s+(?:quick\\s+)?(?:call|zoom|video call|phone call)\\b|\\b(?:teamviewer|anydesk|remote (?:session|access|desktop))\\b',
  },
];

/** A warning or a negated request ("never send your code", "don't DM anyone") is advice, not a request. */
export const negation =
  "\\b(?:never|don'?t|do not|doesn'?t|does not|won'?t|will not|shouldn'?t|should not|no one|nobody|not|stop|avoid|beware|careful)\\b";

/** Words only staff accounts may use in a username: they imitate staff or the product. */
export const reservedUsernameWords = [
  'support',
  'staff',
  'admin',
  'administrator',
  'moderator',
  'mod',
  'official',
  'helpdesk',
  'faqbot',
  'twofa',
];

/** Characters that look like others, by what they imitate; compared after lower-casing and removing accents. */
export const confusables: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '!': 'l',
  '|': 'l',
  i: 'l',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '6': 'g',
  '9': 'g',
  '7': 't',
  '8': 'b',
  '2': 'z',
  // Cyrillic and Greek letters that render like Latin ones.
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'l',
  ј: 'j',
  ѕ: 's',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ε: 'e',
  ι: 'l',
  κ: 'k',
  ν: 'v',
  τ: 't',
  υ: 'u',
};

/** Letter pairs that read as one letter at a glance. */
export const confusablePairs: Array<[string, string]> = [
  ['rn', 'm'],
  ['vv', 'w'],
  ['cl', 'd'],
];
