import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment.js';
import { UsersModule } from '../users/users.module.js';
import { KnownDeviceEntity } from './known-device.entity.js';
import { KnownDevicesResolver } from './known-devices.resolver.js';
import { KnownDevicesService } from './known-devices.service.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { SignInChallengeEntity } from './sign-in-challenge.entity.js';
import { TwoFactorCredentialEntity } from './two-factor-credential.entity.js';
import { TwoFactorResolver, ViewerTwoFactorResolver } from './two-factor.resolver.js';
import { TwoFactorService } from './two-factor.service.js';
import { resolveTotpEncryptionKey, TwoFactorCrypto } from './two-factor-crypto.js';

/** Two-factor sign-in for forum accounts; the sign-in steps themselves live in auth. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TwoFactorCredentialEntity, RecoveryCodeEntity, SignInChallengeEntity, KnownDeviceEntity]),
    UsersModule,
  ],
  providers: [
    // Resolved at start-up: a missing or malformed key stops the app before it serves anything.
    {
      provide: TwoFactorCrypto,
      inject: [Environment],
      useFactory: (environment: Environment) => new TwoFactorCrypto(resolveTotpEncryptionKey(environment)),
    },
    KnownDevicesService,
    KnownDevicesResolver,
    TwoFactorService,
    TwoFactorResolver,
    ViewerTwoFactorResolver,
  ],
  exports: [TwoFactorService, KnownDevicesService],
})
export class TwoFactorModule {}
