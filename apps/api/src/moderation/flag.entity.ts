import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PostType } from '../common/post-type.js';

export enum FlagStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/** How a moderator resolved a flag; stored in `flags.resolution`, null while the flag is open. */
export enum FlagResolution {
  /** The post was hidden: the flag was upheld. */
  POST_HIDDEN = 'POST_HIDDEN',
  /** The flag was closed and the post left as it was. */
  DISMISSED = 'DISMISSED',
}

@Entity('flags')
export class FlagEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'post_type', type: 'varchar', length: 16 })
  postType: PostType;

  @Column({ name: 'post_id', type: 'integer' })
  postId: number;

  @Column({ name: 'reporter_id', type: 'integer' })
  reporterId: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: FlagStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: FlagResolution | null;

  @Column({ name: 'resolved_by_id', type: 'integer', nullable: true })
  resolvedById: number | null;

  @Column({ name: 'resolved_at', nullable: true, type: Date })
  resolvedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
