import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in session; only the SHA-256 of its token is stored. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  /** "Chrome on Linux", from the User-Agent it signed in with (deviceLabel), or "API client". */
  @Column({ type: 'varchar', length: 64 })
  label: string;

  /** The known device whose two-factor sign-in started it, if any; forgetting the device sets it to null. */
  @Column({ name: 'known_device_id', type: 'integer', nullable: true })
  knownDeviceId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /** Moved on by a request at most once per lastUseResolution (SessionsService), not by every one. */
  @Column({ name: 'last_used_at' })
  lastUsedAt: Date;

  @Column({ name: 'expires_at' })
  expiresAt: Date;
}
