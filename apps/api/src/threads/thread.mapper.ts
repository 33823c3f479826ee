import type { PublicProfile } from '../common/request-context.js';
import type { QuestionSnapshot, ReplySnapshot } from '../events/forum-events.js';
import { Reply } from './models/reply.model.js';
import { Revision } from './models/revision.model.js';
import { Thread, ThreadWithText } from './models/thread.model.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionEntity } from './revision.entity.js';
import { ThreadEntity } from './thread.entity.js';

export function toThread(entity: ThreadEntity): ThreadWithText {
  return { ...toListedThread(entity), body: entity.body, cookedHtml: entity.bodyHtml };
}

function toListedThread(entity: ThreadEntity): Thread {
  return {
    id: String(entity.id),
    title: entity.title,
    status: entity.status,
    locked: entity.locked,
    hidden: entity.hidden,
    replyCount: entity.replyCount,
    edited: entity.editedAt !== null,
    editedAt: entity.editedAt,
    version: entity.version,
    createdAt: entity.createdAt,
    lastActivityAt: entity.lastActivityAt,
    authorId: entity.authorId,
    acceptedReplyId: entity.acceptedReplyId,
  };
}

/** `acceptedReplyId` is the thread's, so that isAccepted needs no extra query. */
export function toReply(entity: ReplyEntity, acceptedReplyId: number | null, threadLocked?: boolean): Reply {
  return {
    id: String(entity.id),
    threadId: String(entity.threadId),
    body: entity.body,
    cookedHtml: entity.bodyHtml,
    isStaffAnswer: entity.isStaffAnswer,
    isAccepted: acceptedReplyId === entity.id,
    hidden: entity.hidden,
    edited: entity.editedAt !== null,
    editedAt: entity.editedAt,
    version: entity.version,
    createdAt: entity.createdAt,
    authorId: entity.authorId,
    threadLocked,
  };
}

export function toRevision(entity: RevisionEntity): Revision {
  return {
    id: String(entity.id),
    postType: entity.postType,
    postId: String(entity.postId),
    previousTitle: entity.previousTitle,
    previousBody: entity.previousBody,
    previousBodyHtml: entity.previousBodyHtml,
    createdAt: entity.createdAt,
    editorId: entity.editorId,
  };
}

/** What live subscribers get of a reply with the event, so that nothing reads it again; `author` if at hand. */
export function toReplySnapshot(
  entity: ReplyEntity,
  thread: Pick<ThreadEntity, 'authorId'>,
  acceptedReplyId: number | null,
  author: PublicProfile | null = null,
): ReplySnapshot {
  return {
    id: entity.id,
    threadId: entity.threadId,
    threadAuthorId: thread.authorId,
    authorId: entity.authorId,
    author,
    body: entity.body,
    bodyHtml: entity.bodyHtml,
    isStaffAnswer: entity.isStaffAnswer,
    isAccepted: acceptedReplyId === entity.id,
    hidden: entity.hidden,
    editedAt: entity.editedAt,
    version: entity.version,
    createdAt: entity.createdAt,
  };
}

/** What live subscribers get of an edited question with the event. */
export function toQuestionSnapshot(entity: ThreadEntity, tags: string[]): QuestionSnapshot {
  return {
    id: entity.id,
    authorId: entity.authorId,
    title: entity.title,
    body: entity.body,
    bodyHtml: entity.bodyHtml,
    tags,
    status: entity.status,
    locked: entity.locked,
    hidden: entity.hidden,
    replyCount: entity.replyCount,
    acceptedReplyId: entity.acceptedReplyId,
    editedAt: entity.editedAt,
    version: entity.version,
    createdAt: entity.createdAt,
    lastActivityAt: entity.lastActivityAt,
  };
}
