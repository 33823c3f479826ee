import { describe, expect, it } from 'vitest';
import { detectSignals } from './state-signals.js';
import { rewrite } from './text-normalizer.js';

const signalsOf = (text: string) => detectSignals(rewrite(text));

describe('detectSignals', () => {
  describe('keeping a copy', () => {
    it('reads "a second phone" as a spare', () => {
      expect(signalsOf('Can the 2FA live on a second phone as well?').keepCopy).not.toBeNull();
    });

    it('does not read a move to another authenticator as a copy', () => {
      const signals = signalsOf('I am changing over to another authenticator for my 2FA');
      expect(signals.keepCopy).toBeNull();
      expect(signals.switchAuthenticator).not.toBeNull();
    });

    it('does not read signing in on another device as a copy', () => {
      expect(signalsOf('When I sign in with my work profile on another device the 2FA prompt looks odd').keepCopy).toBeNull();
    });

    it('reads planning ahead as wanting a spare', () => {
      expect(signalsOf('Best practice so my 2FA survives a dead phone?').keepCopy).not.toBeNull();
      expect(signalsOf('Our two phones should both get the authenticator codes').keepCopy).not.toBeNull();
    });
  });

  it('tells "what if I lose my phone" (planning) from a story about someone else', () => {
    expect(signalsOf('What if I lose my phone, is my 2FA gone?').preparing).not.toBeNull();
    expect(signalsOf('When a customer loses the phone, how do we reset their 2FA?').preparing).toBeNull();
  });

  it('finds a wish to set two-factor up again', () => {
    expect(signalsOf('How do I re-enable the authenticator on my account?').redoTwoFactor).not.toBeNull();
    expect(signalsOf('Set up my 2FA again from scratch').redoTwoFactor).not.toBeNull();
    expect(signalsOf('Where is the dark mode toggle?').redoTwoFactor).toBeNull();
  });

  it('reads moving to another authenticator as a switch, but not switching two-factor on', () => {
    expect(signalsOf('I am switching my 2FA codes to a new phone').switchAuthenticator).not.toBeNull();
    expect(signalsOf('I switched on two-factor authentication yesterday').switchAuthenticator).toBeNull();
  });

  it('reads an open session as signed in somewhere', () => {
    expect(signalsOf('My authenticator is gone but the web app session is still active').signedInSomewhere).not.toBeNull();
  });

  it('reads an authenticator that came up blank as lost', () => {
    expect(signalsOf('After the restore the authenticator came up blank').lostAuthenticator).not.toBeNull();
  });

  it('flags trouble with the QR scanner and secrets stored in an authenticator app as hard negatives', () => {
    expect(signalsOf('The camera freezes every time I scan a QR code for a website')?.hardNegative).toMatch(/scanner/);
    expect(signalsOf('Please let me view the saved secrets of the entries in the app').hardNegative).toMatch(/stored/);
  });
});
