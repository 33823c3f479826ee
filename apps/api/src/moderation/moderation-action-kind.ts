/** What the moderation log records; stored in `moderation_actions.action`. */
export enum ModerationActionKind {
  Hide = 'HIDE',
  Restore = 'RESTORE',
  Lock = 'LOCK',
  Unlock = 'UNLOCK',
  ResolveFlag = 'RESOLVE_FLAG',
  ChangeRole = 'CHANGE_ROLE',
}

/** What an action was done to; stored in `moderation_actions.target_type`. */
export enum ModerationTargetType {
  Thread = 'THREAD',
  Reply = 'REPLY',
  Flag = 'FLAG',
  User = 'USER',
}

/** What hiding or restoring a reply did to its thread's accepted answer; stored in `moderation_actions.acceptance`. */
export enum AcceptanceChange {
  WITHDRAWN = 'WITHDRAWN',
  GIVEN_BACK = 'GIVEN_BACK',
}
