import { useApolloClient } from '@apollo/client/react';
import { useParams, useSearchParams } from 'react-router';
import { Notice } from '../../components/status';
import { BotAnswerFooter } from '../../features/bot/components/bot-answer-footer';
import { BotClarification } from '../../features/bot/components/bot-clarification';
import { BotStaffNote } from '../../features/bot/components/bot-staff-note';
import { useBotSuggestion } from '../../features/bot/components/use-bot-suggestion';
import { FlagButton, HideToggle, LockToggle } from '../../features/moderation/components/post-moderation';
import { useThreadNotificationsRead } from '../../features/notifications/components/use-thread-notifications-read';
import { useCanonicalAnswerDraft } from '../../features/canonical-answers/components/use-canonical-answer-draft';
import { ThreadView, type ThreadSlots } from '../../features/threads/components/thread-view';
import { useViewer } from '../../lib/viewer';

/** The thread page: the threads feature draws it; the bot, moderation and staff features fill its slots. */
export function ThreadRoute() {
  const { threadId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { viewer } = useViewer();
  const client = useApolloClient();
  const { suggestion, askerId, settled, unreplied, refetch: refetchBot } = useBotSuggestion(threadId);
  const draftSlug = viewer?.isStaff ? params.get('draft') : null;
  const draft = useCanonicalAnswerDraft(threadId, draftSlug);
  useThreadNotificationsRead(threadId, Boolean(viewer));

  const isAsker = Boolean(viewer && askerId && viewer.id === askerId);
  const mine = (authorId: string) => viewer?.id === authorId;

  const slots: ThreadSlots = {
    questionActions: (thread) => (
      <>
        {viewer && !mine(thread.author.id) ? <FlagButton postType="THREAD" postId={thread.id} flagged={thread.viewerFlagged} /> : null}
        {viewer?.isStaff ? (
          <>
            <HideToggle postType="THREAD" postId={thread.id} hidden={thread.hidden} />
            <LockToggle threadId={thread.id} locked={thread.locked} />
          </>
        ) : null}
      </>
    ),
    afterQuestion: () =>
      suggestion ? (
        <>
          {viewer?.isStaff ? <BotStaffNote suggestion={suggestion} settled={settled} unreplied={unreplied} /> : null}
          {suggestion.replyId ? null : <BotClarification suggestion={suggestion} isAsker={isAsker} settled={settled} />}
        </>
      ) : null,
    replyActions: (reply) => (
      <>
        {viewer && !mine(reply.author.id) && !reply.author.isBot ? (
          <FlagButton postType="REPLY" postId={reply.id} flagged={reply.viewerFlagged} />
        ) : null}
        {viewer?.isStaff ? <HideToggle postType="REPLY" postId={reply.id} hidden={reply.hidden} accepted={reply.isAccepted} /> : null}
      </>
    ),
    replyFooter: (reply) =>
      suggestion && reply.author.isBot && suggestion.replyId === reply.id ? (
        suggestion.status === 'CLARIFYING' ? (
          <BotClarification suggestion={suggestion} isAsker={isAsker} settled={settled} inReply />
        ) : (
          <BotAnswerFooter
            suggestion={suggestion}
            isAsker={isAsker}
            signedIn={Boolean(viewer)}
            settled={settled}
            onDecided={() => void client.refetchQueries({ include: 'active' })}
          />
        )
      ) : null,
    replyFolded: (reply) => Boolean(suggestion && suggestion.folded && suggestion.replyId === reply.id),
    // The bot's reply is accepted through "Did this solve it?" (which also teaches the bot), not the generic button.
    canAccept: (reply) => suggestion?.replyId !== reply.id,
    replyDraft: draft.body,
    // Once in the box, the draft leaves the address: a reload after posting must not fill the box again.
    onReplyDraftApplied: () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('draft');
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    refresh: refetchBot,
  };

  return (
    <>
      {draftSlug && draft.error ? (
        <Notice tone="warning">The canonical answer could not be loaded into the reply box: {draft.error}</Notice>
      ) : null}
      {/* The router keeps the page when only :threadId changes: another thread starts afresh, not with this one's pages. */}
      <ThreadView key={threadId} threadId={threadId} slots={slots} />
    </>
  );
}
