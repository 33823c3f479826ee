import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TwoFactorEnrolment', {
  description: 'Shown once while turning two-factor sign-in on: scan the QR code or type the setup key, then confirm with a code.',
})
export class TwoFactorEnrolment {
  @Field({ description: 'The QR code as an SVG document, rendered by the server.' })
  qrCodeSvg: string;

  @Field({ description: 'The same secret as text, in groups of four, for apps that cannot scan.' })
  setupKey: string;
}

@ObjectType('RecoveryCodes', { description: 'Ten single-use codes for when the authenticator is lost. Shown once; only hashes are kept.' })
export class RecoveryCodes {
  @Field(() => [String], { description: 'Single-use codes for signing in without the authenticator app; shown once, store them safely.' })
  codes: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "After turning two-factor sign-in on: this client's device token (also set as an httpOnly cookie), as " +
      'AuthPayload.deviceToken gives it after a two-factor sign-in. Null with new recovery codes.',
  })
  deviceToken?: string | null;
}

@ObjectType('TwoFactorStatus', { description: "The signed-in account's two-factor sign-in." })
export class TwoFactorStatus {
  @Field({ description: 'Whether two-factor sign-in is on for your account.' })
  enabled: boolean;

  @Field(() => Int, { description: 'Unused recovery codes left (0 when two-factor sign-in is off).' })
  recoveryCodesLeft: number;

  @Field({ description: 'Staff and admins must turn two-factor sign-in on before they can use staff tools.' })
  requiredForStaffTools: boolean;
}

@ObjectType('TwoFactorChallenge', {
  description: 'The password was right and the account has two-factor sign-in: send this token with a code to completeTwoFactorSignIn.',
})
export class TwoFactorChallenge {
  @Field({ description: 'Single use; expires after five minutes. Not a session.' })
  token: string;

  @Field({ description: 'When the challenge expires; sign in again after.' })
  expiresAt: Date;
}

@ObjectType('KnownDevice', {
  description:
    'A browser or API client that completed a two-factor sign-in for your account: its code checks have a budget of their own, ' +
    'so someone guessing codes elsewhere does not lock it out. Forgetting it takes that away, and signs out the sessions ' +
    'that signed in through it when asked (forgetKnownDevice, forgetOtherKnownDevices).',
})
export class KnownDevice {
  @Field(() => ID, { description: 'Pass to forgetKnownDevice.' })
  id: string;

  @Field({ description: 'Browser and system, from the User-Agent it was remembered with ("Chrome on Linux"), or "API client".' })
  label: string;

  @Field({ description: 'When it first completed a two-factor sign-in.' })
  createdAt: Date;

  @Field({ description: 'When it last completed a two-factor sign-in. A year without one and it is forgotten.' })
  lastUsedAt: Date;

  @Field({ description: 'It is the device of this request (its cookie, or the deviceToken given).' })
  current: boolean;
}
