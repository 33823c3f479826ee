import { EntityManager } from 'typeorm';
import { AcceptanceChange, ModerationActionKind, ModerationTargetType } from './moderation-action-kind.js';
import { ModerationActionEntity } from './moderation-action.entity.js';
import { ModerationAction } from './models/moderation-action.model.js';

export interface NewModerationAction {
  actorId: number;
  action: ModerationActionKind;
  targetType: ModerationTargetType;
  targetId: number;
  note?: string | null;
  acceptance?: AcceptanceChange | null;
}

/** Writes one log row; call it with the manager of the transaction that makes the change. */
export function recordAction(manager: EntityManager, entry: NewModerationAction): Promise<ModerationActionEntity> {
  return manager.save(
    ModerationActionEntity,
    manager.create(ModerationActionEntity, {
      ...entry,
      note: entry.note ?? null,
      acceptance: entry.acceptance ?? null,
      createdAt: new Date(),
    }),
  );
}

export function toModerationAction(entity: ModerationActionEntity): ModerationAction {
  return {
    id: String(entity.id),
    action: entity.action,
    targetType: entity.targetType,
    targetId: String(entity.targetId),
    note: entity.note,
    acceptance: entity.acceptance,
    createdAt: entity.createdAt,
    actorId: entity.actorId,
  };
}
