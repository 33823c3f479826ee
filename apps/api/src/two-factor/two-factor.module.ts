import { Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { UsersModule } from '../users/users.module.js';
import { TwoFactorResolver, ViewerTwoFactorResolver } from './two-factor.resolver.js';
import { TwoFactorService } from './two-factor.service.js';
import { resolveTotpEncryptionKey, TwoFactorCrypto } from './two-factor-crypto.js';

/** Two-factor sign-in for forum accounts; the sign-in steps themselves live in auth. */
@Module({
  imports: [UsersModule],
  providers: [
    // Resolved at start-up: a missing or malformed key stops the app before it serves anything.
    {
      provide: TwoFactorCrypto,
      inject: [Environment],
      useFactory: (environment: Environment) => new TwoFactorCrypto(resolveTotpEncryptionKey(environment)),
    },
    TwoFactorService,
    TwoFactorResolver,
    ViewerTwoFactorResolver,
  ],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
