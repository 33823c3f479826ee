import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError } from './app-error.js';

/** A row whose `version` counts its edits: every edit adds one. */
interface Versioned extends ObjectLiteral {
  id: number;
  version: number;
}

/**
 * Writes an edit as one conditional UPDATE that adds one to the row's version: `WHERE id = $1 AND version = $2` when
 * the client sent the version its edit started from, so that of two edits from one version only the first is stored
 * and the other is refused (CONFLICT, EDITED_SINCE) instead of silently overwriting it. Without one (null), the edit
 * applies to whatever version is current. Call it inside the edit's transaction, holding the row (so a missed row
 * can only be a changed version), before writing anything else of the edit, so that a refused edit rolls back whole.
 */
export async function updateUnlessEditedSince<Entity extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<Entity>,
  id: number,
  expectedVersion: number | null | undefined,
  values: QueryDeepPartialEntity<Entity>,
): Promise<void> {
  const where = (expectedVersion == null ? { id } : { id, version: expectedVersion }) as FindOptionsWhere<Entity>;
  const result = await manager.update(entity, where, { ...values, version: () => 'version + 1' } as QueryDeepPartialEntity<Entity>);
  if (!result.affected) throw AppError.editedSince();
}

/** The optional `expectedVersion` of an edit's input: the `version` of the `subject` ("question") the edit started from. */
export function ExpectedVersionField(subject: string): PropertyDecorator {
  return applyDecorators(
    Field(() => Int, {
      nullable: true,
      description:
        `The \`version\` of the ${subject} this edit started from. When someone else saved an edit since, nothing is stored and the ` +
        'error is CONFLICT with reason EDITED_SINCE: read the current text, merge, and send again with its version. ' +
        'Omitted, the edit replaces whatever version is current (as before this field existed). An edit that changes nothing succeeds.',
    }),
    IsOptional(),
    IsInt(),
    Min(1),
  );
}
