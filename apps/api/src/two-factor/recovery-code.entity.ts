import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One single-use recovery code; only its keyed hash is stored. */
@Entity('recovery_codes')
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'used_at', nullable: true, type: Date })
  usedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
