import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/role.js';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  username: string;

  /** Lower-cased username: what uniqueness and look-ups use. */
  @Column({ name: 'username_key', type: 'varchar', length: 32 })
  usernameKey: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** argon2id hash; null for accounts that cannot sign in (the bot). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
