import { Entity, PrimaryColumn } from 'typeorm';

@Entity('thread_tags')
export class ThreadTagEntity {
  @PrimaryColumn({ name: 'thread_id', type: 'integer' })
  threadId: number;

  /** Lower-case, 1 to 32 of [a-z0-9-]. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  tag: string;
}
