import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A browser or API client that completed a two-factor sign-in for an account (OWASP's device cookie): its code checks
 * get a budget of their own. Only the token's hash is stored; the token grants nothing by itself.
 */
@Entity('known_devices')
export class KnownDeviceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** Pushed on at every two-factor sign-in the device completes. */
  @Column({ name: 'expires_at' })
  expiresAt: Date;

  /** "Chrome on Linux", from the User-Agent it was remembered with (deviceLabel). */
  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /** Its latest two-factor sign-in (or turning two-factor sign-in on). */
  @Column({ name: 'last_used_at' })
  lastUsedAt: Date;
}
