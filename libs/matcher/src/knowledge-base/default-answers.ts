import type { CanonicalAnswerDocument } from '../types.js';
import { AnswerSlug } from './answer-slugs.js';

/**
 * The built-in knowledge base: the four questions people ask right after turning on two-factor
 * authentication, answered in the staff's voice. The examples are written for the bot, in the
 * many ways people put these questions (titles, feature requests, typos).
 */
export const defaultAnswers: CanonicalAnswerDocument[] = [
  {
    slug: AnswerSlug.noBackupCodes,
    title: 'Why there are no backup codes for two-factor authentication',
    body: `Hi there!

You didn't miss a step: two-factor authentication on your account doesn't come with backup or recovery codes, and that's on purpose.

A recovery code is made when you turn two-factor on and then saved somewhere, so in practice it's just another password. The one-time codes your authenticator app makes are different: they're tied to the moment they're generated and used, so nobody can predict them.

Here's what you can do instead:

- **Keep a copy of your authenticator.** When you turn on two-factor authentication, save or print the QR code, or scan it into more than one authenticator app.
- **Lost your authenticator but still signed in somewhere?** From that device, turn two-factor authentication off and back on with your new authenticator.
- **Locked out completely?** Contact support. After verifying you're the account holder, they'll reset two-factor authentication on your account.

Hope that helps! Let me know if you have any questions. :)`,
    examples: [
      'Where do I find the backup codes for my account two-factor login?',
      'two factor is on now but there was no list of recovery codes anywhere',
      'Do you offer recovery codes for 2FA like most other services do?',
      'backup codes missing after 2fa setup',
      'How do I print a set of backup codes for my account?',
      'Feature request: one-time recovery codes for account 2FA',
      'Why not give us recovery codes in case the authenticator app is lost?',
      'Can you add backup codes as a fallback for the authenticator app?',
      'Enabled multi-factor authentication and expected some spare codes to write down, got nothing',
      'Is there a recovery key I can keep in case my two-step verification device is gone?',
      'Regenerate backup codes for my account 2FA',
      'I cannot see an option to view my recovery codes in the security settings',
      'Does the account support scratch codes for TOTP?',
      'The lack of backup codes for 2FA is a real problem, any plans to add them?',
      'where r my 2fa backup codez',
      'no recovry codes were shown when I turned on the authenticator',
      'Backup code list for two-step login, how do I get one?',
      'Should I have received emergency codes when I set up my authenticator app?',
      'Please provide one-time use codes for when the phone with my authenticator is not available',
      'Other apps hand you ten backup codes at 2FA setup, why not here?',
      'I skipped saving the recovery codes during two-factor setup, can I get them now?',
      'The show recovery codes button does nothing on the 2FA page',
      'Is there a fallback code to use when my authenticator app is not around?',
      '2FA setup finished but no backup codes were displayed, is that a bug?',
      'Are there printable recovery codes for the account multifactor login?',
      'How many backup codes do I get with 2-step verification?',
      'Can I download my two factor recovery codes as a text file?',
      'Backup codes would spare users a support ticket when their phone is gone',
      'recovery codes for mfa?',
      'The two-factor page does not generate any backup codes at all',
      'Why is there no backup code option for my account second factor?',
      'Will you ever support backup codes for two-factor authentication?',
      'Missing 2fa recovery code section in settings',
      'How do I get a recovery code to skip the authenticator if I ever need to?',
      'Implement single-use backup codes for TOTP logins',
      'Suggestion: offer a printable sheet of recovery codes when MFA is switched on',
      'Feature request: generate a set of one-time recovery codes when two-factor authentication is switched on, like most services do.',
      'It would be great if the account offered backup codes. Right now if my authenticator goes away I have no fallback at all.',
      'Please add recovery codes to the two-factor setup, every other service I use gives me ten codes to print',
      'Any plans for backup codes? I enabled 2FA today and the wizard went straight from the QR code to done.',
      'Setting up two-step login for the whole family, where are the emergency codes we are supposed to keep in the safe?',
      "Suggestion: single-use fallback codes for the account's second factor, in addition to the authenticator app",
      'Why does the two factor setup not hand out any backup codes? I expected to download a file with them.',
      'Looking for the page to regenerate my 2FA recovery codes, I thought it would be under security settings',
      "I want to print backup codes for my own account's second factor before I travel, how?",
      'Two-factor is on, but without backup codes I feel one dropped phone away from losing everything. Can you add them?',
      'single use codes for the extra login step, do you have those?',
      'After turning on the authenticator requirement I looked for printable codes and found none',
      'Is there a backup code option or is the authenticator app the only way?',
      'no backup codes offered at 2fa enrolment, is that intended?',
      'Other password managers give you a recovery code when you enable 2FA, do you?',
    ],
  },
  {
    slug: AnswerSlug.saveQrCode,
    title: 'Keep a copy of your authenticator: save the QR code or use more than one app',
    body: `Hi there!

The best backup for two-factor authentication is a second copy of your authenticator:

- **Save or print the QR code** when you turn on two-factor authentication. Store it apart from your Emergency Kit, somewhere just as safe and secure.
- **Or scan the QR code into more than one authenticator app**, for example on your phone and on a tablet, so losing one device doesn't lock you out.

If the QR code is no longer on your screen, turn two-factor authentication off and then on again from a device where you're signed in to see a new one. Heads up: the old QR code stops working, so update every app where you scanned it.

Hope that helps! Let me know if you have any questions. :)`,
    examples: [
      'How should I back up the two-factor authentication for this account?',
      'Can I scan the QR code into two authenticator apps so I have a spare?',
      'Is it a good idea to print the 2FA QR code and keep it somewhere safe?',
      'Can I save a screenshot of the QR code when I turn on two-step verification?',
      'How do I get the QR code for my account authenticator again after setup?',
      'I want my 2FA codes on both my phone and my tablet, is that possible?',
      'Can I put the account 2FA on my partner phone too, as a backup?',
      'Where do I keep the 2FA QR code? Should it go with the Emergency Kit?',
      'Can I see the setup key, the text version of the QR code, for my account 2FA?',
      'Add my account TOTP to a second authenticator app',
      'How do I make a backup of my authenticator for this account?',
      'Could the TOTP secret be shown as text next to the QR code so I can type it into another app?',
      'What is the safest way to keep a copy of my 2FA seed?',
      'Use multiple devices for the account two-factor codes',
      'redundancy for my 2fa, two phones?',
      'Can I register more than one authenticator for my account?',
      'Forgot to save the QR code when I enabled 2FA, can I get it back?',
      'What is the best way to protect myself against losing the authenticator in the future?',
      'Is it safe to store the 2FA setup QR code in a cloud drive?',
      'Could I keep the authenticator on my old phone as well as the new one?',
      'I would like to keep a paper copy of the 2fa qr code in my safe',
      'Scan the qr code twice at setup, once on each phone?',
      'Can I show the QR code again to add another authenticator?',
      'Tips for keeping authenticator setup secrets offline?',
      'Add a second TOTP device to my account',
      'qr cdoe for my two factor, where do i find it again',
      'Should I keep the QR code now in case I move my 2FA to another app later?',
      'Can I write down the secret behind the two-factor QR code?',
      'My spouse should also be able to get the 2FA codes for our account, how?',
      'Recommended way to have a backup authenticator for my account',
      'Is it OK to keep the 2FA QR image next to my Emergency Kit?',
      'How do I export the 2FA secret so another authenticator app can use it too?',
      'Display the manual entry key along with the two-factor QR code',
      'Support several authenticator devices per account',
      'How do I avoid losing my two-factor when my phone dies one day?',
      'Show the setup QR code again after two-factor is already enabled',
      'How do I export my 2FA for this account so I have a backup?',
      'Can I back up the TOTP seed for my account somewhere offline?',
      'Can I add the same two-factor account to two phones at once?',
      'Please show the setup key as text next to the QR code, some authenticators cannot scan',
      'Feature request: let me register a second device for two-factor so that I have a spare',
      'Can two phones share the same authenticator entry for my account? My partner and I both want the codes.',
      'Please show the setup secret as text after two-factor setup so that I can write it down',
      'I want to keep a copy of the 2FA setup QR code in my safe, is that a bad idea?',
      'Can I scan the 2FA barcode into two different authenticator apps at the same time?',
      'What is the best way to avoid losing access if my phone dies? The authenticator is only on that one device.',
      'Planning ahead: if my phone breaks some day, how will I still get the sign-in codes?',
      'Let me export the authenticator seed of my account so I have a backup',
      'Can I take a screenshot of the QR code while enabling two-factor and keep it as a backup?',
      'Please allow more than one authenticator on the account',
      'Where can I find the text key behind the QR code of the two-step setup?',
      'My phone is my only authenticator and that worries me, what should I keep as a spare?',
      'I scanned the code with one app, can I also add it to the old phone that sits in a drawer?',
      'How do I make sure I never get locked out if the phone with the numbers app gets lost one day?',
      'Is there a manual entry code instead of the QR so that I can keep it on paper?',
    ],
  },
  {
    slug: AnswerSlug.reenableFromSignedInDevice,
    title: 'New phone or lost authenticator, still signed in somewhere: turn two-factor off and on again',
    body: `Hi there!

Good news: as long as you're still signed in to your account on one of your devices, you can fix this yourself.

1. On the device where you're still signed in, open your account settings and **turn off two-factor authentication**.
2. **Turn it back on** and scan the new QR code with your new authenticator app (or your new phone).
3. While the QR code is on your screen, consider saving or printing it, or scanning it into a second authenticator app, so you have a spare next time.

The old codes stop working once you turn two-factor off, so remove the old entry from any other authenticator apps.

Hope that helps! Let me know if you have any questions. :)`,
    examples: [
      'New phone, the authenticator did not come over, but I am still signed in on my laptop. How do I set up 2FA again?',
      'Lost my phone but my account is still open in the desktop app, how do I reset two-factor?',
      'How do I switch my account 2FA to a different authenticator app?',
      'Moving from Authy to Google Authenticator, what do I do for my account?',
      'Phone was factory reset and my codes are gone, I am logged in on my PC though',
      'Can I turn off two-factor from the browser where I am still logged in and set it up again?',
      'My authenticator app was deleted, luckily the extension is still unlocked on my computer',
      'Transfer two factor to a new iphone, I still have the old one',
      'How do I re-enable 2FA with a new authenticator?',
      'Broke my phone. Still have access on my work laptop. How do I get my 2FA back?',
      'Re-link my authenticator after changing phones, I am signed in on my iPad',
      'I am replacing my phone next week, how do I move the account two-step verification over?',
      'The authenticator entry for my account disappeared, but I am signed in on all my other devices',
      'How to disable 2fa and set it up again from the desktop app',
      'I got a new phone, how do I get my account one-time codes onto it?',
      'my phone got stolen with my 2fa on it, still logged in on my mac',
      'Is it possible to change the device that generates my 2FA codes?',
      'The authenticator app I use is shutting down, how do I move my account to a new one?',
      'Lost Google Authenticator after an OS upgrade, I can still use the app on my desktop',
      'Swap the phone used for two-factor authentication',
      'Need to reset my authenticator but I am still signed into the web app',
      're-setup mfa on new device while logged in on computer',
      'New phone, old one wiped, 2FA codes lost. Fortunately the Windows app is still signed in',
      'Can I remove 2FA while I am signed in and then add it back with another app?',
      'Restored my phone from a backup that did not include the authenticator. I am signed in on my tablet.',
      'authenticater app reset itself, still loged in on my laptop',
      'Migrating authenticator apps: how do I move the two-factor for this account?',
      'I still have my old phone, how do I move the 2FA codes to my new phone?',
      'Changing my 2FA device without getting locked out, I am signed in everywhere',
      'How do I replace the authenticator on my account while I am currently signed in?',
      'I would like to change which app generates my verification codes',
      'Let me change my authenticator without turning two-factor off first',
      'Turning off 2FA from settings asks for a code, but my authenticator is gone and I am logged in',
      'Switched to a new Android phone and my authenticator accounts did not come across, how do I move them?',
      'How do I transfer my authenticator app to a new device?',
      'Migrated to a new iPhone, Google Authenticator opened empty, the website is still logged in on my laptop',
      'Factory reset my phone and the authenticator got wiped, but I am still signed in on the web',
      'Getting a new phone soon, what do I need to do so my two-factor keeps working on it?',
      'I want to use a different authenticator app for this account, how do I move it over?',
      'Moving my 2FA from one phone to another, what are the steps?',
      'Got a new phone, how do I get a new QR code for two-factor? I am still signed in on my laptop.',
      "New phone: how do I get a new QR code for my account's two-factor?",
      'I reset my phone to factory settings and the authenticator app came back empty. The desktop app on my Mac still works.',
      'Reinstalled the authenticator and lost all its entries, but the browser extension is still unlocked. How do I set up two-factor again?',
      'Switching to a new phone next week, how do I move my two-factor over to it?',
      'Upgraded my phone and the codes did not come along. I can still open the app on my computer.',
      'Need a fresh barcode for the authenticator on my new phone, where do I generate it?',
      'Formatted my phone and forgot to move the authenticator first. I am still logged in on my work computer.',
      'I want to change which authenticator app I use for the account, do I turn 2FA off first?',
      'How do I scan the QR code again on my new phone? The old one has been wiped.',
      'The authenticator entry vanished after a phone update, but my desktop session is still active',
      'Phone got wiped at the repair shop; I still get in through the web vault on my PC. How do I get 2FA back on the phone?',
      'Replaced my phone and the numbers app is empty, the desktop app is still logged in',
      'How do I turn two-factor off and back on with a new device?',
      'Moving the authenticator to a new phone, what do I need to do on the account side?',
    ],
  },
  {
    slug: AnswerSlug.contactSupportLockedOut,
    title: 'Locked out and not signed in anywhere: contact support',
    body: `Hi there, sorry you're locked out!

If you've lost your authenticator and you're not signed in to your account on any device, you can't turn two-factor authentication off yourself, but support can help:

1. **Contact support** from the email address on your account.
2. They'll verify that you're the account holder, using details only the account holder would know.
3. Once you're verified, they'll **reset two-factor authentication** on your account so you can sign in and set it up again.

When you turn it back on, save or print the QR code, or scan it into more than one authenticator app, so a lost phone can't lock you out again.

Hope that helps! Let me know if you have any questions. :)`,
    examples: [
      'Lost my phone with the authenticator and I am not signed in on any other device, how do I get into my account?',
      'Locked out of my account, the 2FA app is gone and I have no other signed-in devices',
      'Please reset two-factor on my account, my phone was stolen and I cannot log in',
      'How do I contact support to remove 2FA from my account?',
      'My phone died and I cannot sign in anywhere because it asks for the code',
      'Cannot log in: a 2FA code is required and the authenticator is gone',
      'I reset my phone and now I cannot access my account because of two-factor',
      'Account recovery when the two-factor device is lost and there is no other device',
      'Signed out everywhere and the authenticator was wiped. Help!',
      'How does support verify my identity to turn off 2FA?',
      'locked out, lost authenticator, no devices logged in',
      'Is my account lost forever if I lose my authenticator and have no signed in devices?',
      'new phone, codes did not transfer, now I cannot get into my account at all',
      'Who can reset my 2FA? I cannot log in anymore',
      'One of our users lost their phone and cannot log in, how do we reset their 2FA?',
      'I deleted the authenticator app and now the login wants a code I cannot get',
      'My only device was stolen and I have two-factor turned on',
      'cant login to my acount, lost the 2fa phone',
      'Locked out by two-step verification after my phone broke',
      'Can someone disable two-factor on my account? I do not have my phone anymore and I am not logged in anywhere',
      'I have my password but the authenticator is gone and I am logged out on every device',
      'Need a 2FA reset on my account, lost access to my authenticator',
      'Unable to login since my phone was wiped, no backup of the authenticator',
      'My computer and phone were both stolen and my account has 2FA',
      'Stuck at the two-factor prompt with no way to get a code',
      'How do I regain access to my account if my authenticator is gone and I am signed out?',
      'Got a new phone, the authenticator is empty and I am locked out of my account',
      'the app asks for my 2fa code but the phone it was on is gone and I am not logged in on anything else',
      'I lost my second factor and I am signed out of all my devices, what now?',
      'Can support reset my authenticator? I cannot get past the login screen',
      'Request to remove MFA from my account, the phone that had it broke',
      'My phone died and it held my only authenticator. I am signed out everywhere and cannot get in.',
      'Factory reset my phone and now sign-in keeps asking for a code I cannot get. No other device is logged in.',
      'I need someone to remove two-factor from my account: the authenticator is gone and I have no session open anywhere',
      "Can support turn off 2FA for me? I can't sign in on any device.",
      'Phone stolen on holiday, all my devices are signed out, and the login wants the six digit code',
      'The only device with my authenticator was formatted and the laptop signed me out. How do I prove the account is mine?',
      'Cannot get past the verification step at sign-in, the app that made the codes is gone and nothing is signed in',
      'Lost access to my account because of two-factor, who do I contact?',
      'Reinstalled my computer and my phone broke the same week, now two-factor keeps me out of my account completely',
      'Stuck at the authentication code prompt with no way left to generate codes and no signed-in device',
      'Please verify my identity and switch off two-step login, I lost the phone and every session',
    ],
  },
];
