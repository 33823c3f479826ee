import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The second step of a sign-in: issued after the password, completed once by a code. Only the token's hash is stored. */
@Entity('sign_in_challenges')
export class SignInChallengeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ name: 'completed_at', nullable: true, type: Date })
  completedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
