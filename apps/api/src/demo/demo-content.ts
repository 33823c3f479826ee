/** The demo forum: questions people ask right after turning on two-factor authentication, answered in the staff's voice. */

export interface DemoReply {
  author: string;
  body: string;
  accepted?: boolean;
}

export interface DemoThread {
  author: string;
  title: string;
  body: string;
  tags: string[];
  replies: DemoReply[];
  /** An edit the author made later, so the thread shows a revision. */
  editedBody?: string;
  /** How long ago it was asked, at which hour (UTC), and the time between its posts: a forum with a history. */
  daysAgo: number;
  hour: number;
  replyEveryMinutes: number;
}

export const staffUsername = 'grey';

export const demoMembers = ['mira_k', 'tomasz', 'june.p', 'olu'];

export const demoThreads: DemoThread[] = [
  {
    author: 'mira_k',
    daysAgo: 12,
    hour: 9,
    replyEveryMinutes: 95,
    title: 'No backup codes after turning on two-factor authentication',
    body: [
      'I just finished setting up my account and imported my passwords. When I turned on two-factor authentication',
      "I wasn't given any backup codes, and I can't find them anywhere in the settings.",
      '',
      'Where do I get them?',
    ].join('\n'),
    tags: ['2fa', 'backup-codes'],
    replies: [
      {
        author: 'tomasz',
        body: [
          "There's no option for backup codes with your account's two-factor authentication.",
          '',
          'What you can do instead: when you set up two-factor authentication, **print or save the QR code itself**,',
          'or scan it into more than one authenticator app. Keep it somewhere as safe as your Emergency Kit, but not in the same place.',
        ].join('\n'),
      },
      {
        author: staffUsername,
        accepted: true,
        body: [
          'Hi there @mira_k',
          '',
          "As others have said here, we don't use recovery codes for two-factor authentication on your account.",
          '',
          'That is partly because a recovery code is no different from a password: it is generated when you set up',
          "two-factor authentication and saved somewhere. The one-time passwords from an authenticator app can't be",
          'predicted, because they are bound to the time they are generated and used.',
          '',
          'You can turn off two-factor authentication from any of your devices where you are still signed in. So if you',
          'lose access to your authenticator app or security key, turn two-factor authentication off, then turn it back on',
          'to set it up again.',
          '',
          'Hope that helps! Let me know if you have any questions. :)',
          '',
          '— Grey',
        ].join('\n'),
      },
    ],
  },
  {
    author: 'june.p',
    daysAgo: 9,
    hour: 14,
    replyEveryMinutes: 180,
    title: 'Is it safe to keep a copy of the 2FA QR code?',
    body: [
      'Someone suggested saving the QR code I scanned when I turned on two-factor authentication.',
      'Is that a good idea, and where should I keep it? The setup screen is gone now.',
    ].join('\n'),
    tags: ['2fa', 'qr-code'],
    replies: [
      {
        author: 'olu',
        body: 'I printed mine and keep it in a drawer at home, away from my Emergency Kit. Both are needed to get in, so keeping them apart matters.',
      },
      {
        author: staffUsername,
        body: [
          'Hi @june.p, keeping a copy is fine as long as you treat it like a password: anyone with the QR code can',
          'generate your one-time codes. Store it separately from your Emergency Kit, somewhere equally safe.',
          '',
          'If the QR code is no longer on your screen, turn two-factor authentication off and on again to get a new one.',
          'Remember to update every authenticator app where you scanned the old code.',
          '',
          '— Grey',
        ].join('\n'),
      },
    ],
    editedBody: [
      'Someone suggested saving the QR code I scanned when I turned on two-factor authentication.',
      'Is that a good idea, and where should I keep it? The setup screen is gone now.',
      '',
      '_Edit: I use the authenticator app on my phone, if that matters._',
    ].join('\n'),
  },
  {
    author: 'tomasz',
    daysAgo: 6,
    hour: 8,
    replyEveryMinutes: 45,
    title: 'New phone: how do I move my authenticator codes?',
    body: [
      "I'm switching phones next week. My authenticator app is on the old one.",
      'How do I keep signing in to my account once the old phone is wiped?',
    ].join('\n'),
    tags: ['2fa', 'new-phone'],
    replies: [
      {
        author: 'mira_k',
        accepted: true,
        body: [
          'Do it while you are still signed in somewhere (your laptop, say):',
          '',
          '1. Turn off two-factor authentication.',
          '2. Turn it back on and scan the new QR code with the app on your new phone.',
          '3. Only then wipe the old phone.',
        ].join('\n'),
      },
      {
        author: staffUsername,
        body: 'That is the way to do it, thanks @mira_k. Keep one device signed in until the new phone works, and you are never locked out. — Grey',
      },
    ],
  },
  {
    author: 'olu',
    daysAgo: 3,
    hour: 19,
    replyEveryMinutes: 25,
    title: 'Locked out after losing my phone with the authenticator app',
    body: [
      'My phone was stolen and with it my authenticator app. I am not signed in on any other device.',
      'Is there any way back into my account?',
    ].join('\n'),
    tags: ['2fa', 'locked-out'],
    replies: [
      {
        author: 'june.p',
        body: 'Check first whether the desktop app or a browser extension is still signed in anywhere, even on an old computer. From there you can turn two-factor authentication off.',
      },
      {
        author: staffUsername,
        body: [
          'Sorry to hear that, @olu. If you are still signed in on any device, you can turn two-factor authentication off there.',
          '',
          'If you are completely locked out, contact support. After verifying you with details only the account holder',
          'would know, they can reset two-factor authentication on your account. Then set it up again and save the QR code this time.',
          '',
          '— Grey',
        ].join('\n'),
      },
    ],
  },
  {
    author: 'june.p',
    daysAgo: 1,
    hour: 11,
    replyEveryMinutes: 70,
    title: 'Where do I change the email address on my account?',
    body: 'I changed jobs and want my account to use my personal email address instead of my work one. Where is that setting?',
    tags: ['account'],
    replies: [
      {
        author: 'tomasz',
        body: 'Sign in on the web and open your profile in the account settings; the email address is editable there. You will get a confirmation message at the new address.',
      },
    ],
  },
];
