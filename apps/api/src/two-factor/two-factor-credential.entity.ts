import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account's TOTP secret, encrypted at rest; pending until the first valid code confirms it. */
@Entity('two_factor_credentials')
export class TwoFactorCredentialEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  /** AES-256-GCM under TOTP_ENCRYPTION_KEY, bound to the user id; see TwoFactorCrypto. */
  @Column({ name: 'secret_ciphertext', type: 'varchar', length: 255 })
  secretCiphertext: string;

  /** Null while enrolment waits for its first code. */
  @Column({ name: 'enabled_at', nullable: true, type: Date })
  enabledAt: Date | null;

  /** The last TOTP time step accepted: that step and earlier ones are refused (replay). */
  @Column({ name: 'last_used_step', type: 'integer', nullable: true })
  lastUsedStep: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
