import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge, StatusBadge } from '../../../components/badge';
import { Button } from '../../../components/button';
import { HtmlBody } from '../../../components/html-body';
import { ErrorMessage, InlineError, LoadMoreRow, Notice, PageStatus, Spinner } from '../../../components/status';
import { TagList } from '../../../components/tag-list';
import type { ListedReplyFieldsFragment, ReplyFieldsFragment, ThreadActivityKind, ThreadPageQuery } from '../../../gql/graphql';
import { errorCodeOf, fieldErrorsOf } from '../../../lib/graphql-errors';
import { useLiveConnected } from '../../../lib/live-connection';
import { useHasSessionDraft } from '../../../lib/session-draft';
import { useAction } from '../../../lib/use-action';
import { useAnnouncement } from '../../../lib/use-announcement';
import { isolate } from '../../../lib/bidi';
import { usePageTitle } from '../../../lib/use-page-title';
import { useViewer } from '../../../lib/viewer';
import { ThreadActivityDocument } from '../api/live-documents';
import {
  addReply,
  applyAcceptance,
  applyState,
  countReply,
  lastLoadedReplies,
  loadedReplies,
  rememberLoadedReplies,
  repliesPageVariables,
  threadPageVariables,
  type LoadedReplies,
} from '../api/thread-cache';
import { AcceptAnswerDocument, ThreadPageDocument, ThreadRepliesDocument, UnacceptAnswerDocument } from '../api/thread-documents';
import { EditQuestionForm, EditReplyForm, questionEditDraftKey, replyEditDraftKey } from './edit-forms';
import { PostByline } from './post-byline';
import { ReplyBox } from './reply-box';
import { PageHeading } from '../../../components/page-heading';

export type ThreadDetails = NonNullable<ThreadPageQuery['thread']>;
export type ReplyDetails = ListedReplyFieldsFragment;

/** What other features add to the thread page; the app route wires them in (features never import each other). */
export interface ThreadSlots {
  /** Beside Edit under the question: flag, hide, lock. */
  questionActions?: (thread: ThreadDetails) => ReactNode;
  /** Between the question and the replies: e.g. the bot's clarifying question. */
  afterQuestion?: (thread: ThreadDetails) => ReactNode;
  /** Beside Accept under a reply: flag, hide. */
  replyActions?: (reply: ReplyDetails, thread: ThreadDetails) => ReactNode;
  /** Under a reply's body: e.g. "Did this solve it?" under the bot's answer. */
  replyFooter?: (reply: ReplyDetails, thread: ThreadDetails) => ReactNode;
  /** Replies shown collapsed, e.g. a bot answer the asker said did not help. */
  replyFolded?: (reply: ReplyDetails) => boolean;
  /** Replies that cannot be accepted, e.g. the bot's clarifying question (default: all can). */
  canAccept?: (reply: ReplyDetails) => boolean;
  /** Text to start the reply box with. */
  replyDraft?: string | null;
  /** Once the reply box holds replyDraft. */
  onReplyDraftApplied?: () => void;
  /**
   * Reads again what the slots show (the bot's state) when the thread changed in a way its live event does not carry:
   * the bot answered, or the page itself had to read the thread again.
   */
  refresh?: () => void;
}

/** The pages of replies shown: the one the thread opened at (the first, or the one around a linked reply), then those before and after it. */
interface ShownPages {
  around: string | null;
  before: readonly string[];
  after: readonly string[];
}

export function ThreadView({ threadId, slots = {} }: { threadId: string; slots?: ThreadSlots }) {
  const client = useApolloClient();
  const linkedId = linkedReplyId(useLocation().hash);
  const [pages, setPages] = useState<ShownPages>(() => initialPages(client.cache, threadId, replyIdOrNull(linkedId)));
  // One request however far along the linked reply is: the thread with the page of replies that holds it.
  const { data, error, refetch } = useQuery(ThreadPageDocument, {
    variables: threadPageVariables(threadId, pages.around),
    // The page opened at another reply was just read (by `next` below): not again.
    nextFetchPolicy: (current, { reason }) => (reason === 'variables-changed' ? 'cache-first' : current),
  });
  // A link to a reply on no page shown: the thread opens again at it, the pages shown staying until its page is in.
  const [opening, setOpening] = useState<string | null>(null);
  const next = useQuery(ThreadPageDocument, {
    variables: threadPageVariables(threadId, opening),
    skip: opening === null,
    fetchPolicy: 'network-only',
  });
  const refreshSlots = useLatest(slots.refresh);
  const loaded: LoadedReplies = { threadId, around: pages.around, pagesBefore: pages.before, pagesAfter: pages.after };
  const live = useThreadLive(loaded, refreshSlots);
  useCatchUpWhileProcessing(data?.thread.processing ?? false, refetch, refreshSlots);
  // A link on the page (the accepted answer, further on), or the thread opened again at another reply.
  useEffect(() => {
    const around = replyIdOrNull(linkedId);
    const shown = { threadId, around: pages.around, pagesBefore: pages.before, pagesAfter: pages.after };
    const elsewhere =
      around !== null && around !== pages.around && !loadedReplies(client.cache, shown).some((reply) => reply.id === around);
    setOpening(elsewhere ? around : null);
  }, [client, threadId, linkedId, pages]);
  const openedNext = next.data;
  useEffect(() => {
    if (opening === null || !openedNext) return;
    setPages({ around: opening, before: [], after: [] });
    setOpening(null);
  }, [opening, openedNext]);
  useEffect(() => {
    rememberLoadedReplies(client.cache, { threadId, around: pages.around, pagesBefore: pages.before, pagesAfter: pages.after });
  }, [client, threadId, pages]);
  const missing = error !== undefined && isMissing(error);
  usePageTitle(missing ? 'Question not found' : data?.thread.title && isolate(data.thread.title));

  // Also when the page read the thread again (a moderator hid it while it was open): what was shown is no longer there.
  if (missing) {
    return (
      <section className="card">
        <PageHeading>Question not found</PageHeading>
        <p>
          It may have been removed or hidden by a moderator. <Link to="/">Back to the questions</Link>
        </p>
      </section>
    );
  }
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner label="Loading the question…" />;
  const thread = data.thread;
  const openedPage = thread.replies;
  // The server opens the thread at its first page when the reader sees no such reply in it (hidden, another thread's, none).
  const unavailable =
    linkedId !== null &&
    (replyIdOrNull(linkedId) === null || (linkedId === pages.around && !openedPage.nodes.some((reply) => reply.id === linkedId)));
  const loadEarlier = (cursor: string) =>
    setPages((shown) => (shown.before.includes(cursor) ? shown : { ...shown, before: [cursor, ...shown.before] }));
  const loadLater = (cursor: string) =>
    setPages((shown) => (shown.after.includes(cursor) ? shown : { ...shown, after: [...shown.after, cursor] }));

  return (
    // data-live: whether live updates reach the page (its socket is acknowledged); the browser tests wait for it.
    <div className="thread-page" data-live={live.connected ? 'connected' : 'connecting'}>
      <div className="sr-live visually-hidden" aria-live="polite">
        {live.announcement}
      </div>
      {unavailable ? <Notice tone="warning">That reply is not available: it may have been hidden by a moderator.</Notice> : null}
      <QuestionPost thread={thread} slots={slots} />
      {slots.afterQuestion?.(thread)}
      <section className="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading" className="replies__heading">
          {repliesHeading(thread.replyCount, thread.hiddenReplyCount)}
        </h2>
        {opening !== null && next.error ? <ErrorMessage error={next.error} retry={() => next.refetch()} /> : null}
        <ol className="reply-list" aria-busy={opening !== null && !next.error}>
          {pages.before.length === 0 ? (
            <LoadMoreRow direction="before" pageInfo={openedPage.pageInfo} onLoadMore={loadEarlier}>
              Show earlier replies
            </LoadMoreRow>
          ) : null}
          {pages.before.map((before, index) => (
            <RepliesPage
              key={before}
              from={{ before }}
              thread={thread}
              slots={slots}
              freshReplyIds={live.freshReplyIds}
              targetReplyId={linkedId}
              loadsMore={index === 0}
              onMore={loadEarlier}
            />
          ))}
          {openedPage.nodes.map((reply) => (
            <ReplyPost
              key={reply.id}
              reply={reply}
              thread={thread}
              slots={slots}
              fresh={live.freshReplyIds.has(reply.id)}
              target={reply.id === linkedId}
            />
          ))}
          {pages.after.map((after, index) => (
            <RepliesPage
              key={after}
              from={{ after }}
              thread={thread}
              slots={slots}
              freshReplyIds={live.freshReplyIds}
              targetReplyId={linkedId}
              loadsMore={index === pages.after.length - 1}
              onMore={loadLater}
            />
          ))}
          {pages.after.length === 0 ? (
            <LoadMoreRow pageInfo={openedPage.pageInfo} onLoadMore={loadLater}>
              Show more replies
            </LoadMoreRow>
          ) : null}
        </ol>
      </section>
      <ReplyArea thread={thread} draft={slots.replyDraft} onDraftApplied={slots.onReplyDraftApplied} onPosted={live.posted} />
    </div>
  );
}

/**
 * The pages a thread page starts with: at a link to a reply, those it showed last that the cache still holds, so that the
 * thread shows at once, and the page around the reply follows when the reply is on none of them; else the page around
 * the linked reply, or the first.
 */
function initialPages(cache: ApolloCache, threadId: string, around: string | null): ShownPages {
  const last = around === null ? null : lastLoadedReplies(cache, threadId);
  return last ? { around: last.around, before: last.pagesBefore, after: last.pagesAfter } : { around, before: [], after: [] };
}

/** An id that cannot be a thread's (/t/abc) is refused as bad input: for the reader it is a thread that is not there. */
function isMissing(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === 'NOT_FOUND' || (code === 'BAD_USER_INPUT' && Boolean(fieldErrorsOf(error).id));
}

/** The reply a link points to (/t/1#reply-70), from the page's address. */
function linkedReplyId(hash: string): string | null {
  return /^#reply-([1-9][0-9]*)$/.exec(hash)?.[1] ?? null;
}

/** The id when it is one a reply could have (the API refuses others as bad input), else null. */
function replyIdOrNull(id: string | null): string | null {
  return id !== null && id.length <= 10 && Number(id) <= maxReplyId ? id : null;
}

/** Ids are int4 columns on PostgreSQL. */
const maxReplyId = 2_147_483_647;

/** Counts the replies the viewer sees: staff (and a hidden reply's author) see hidden ones too, and are told how many. */
function repliesHeading(visible: number, hidden: number): string {
  const shown = visible + hidden;
  if (shown === 0) return 'No replies yet';
  const count = shown === 1 ? '1 reply' : `${shown} replies`;
  return hidden === 0 ? count : `${count} (${hidden} hidden)`;
}

/** The latest value, for callbacks that must not restart effects or subscriptions when it changes. */
function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

/**
 * The bot answers a new question a moment after it is posted, and its reply arrives live; but the page's
 * subscription may start after that moment. While the server says the question is still being processed, the page
 * reads it again (the thread query only), and the slots once when processing ends, so the reply shows either way.
 */
function useCatchUpWhileProcessing(processing: boolean, refetch: () => Promise<unknown>, refreshSlots: { readonly current?: () => void }) {
  const wasProcessing = useRef(false);
  useEffect(() => {
    if (!processing) {
      if (wasProcessing.current) refreshSlots.current?.();
      wasProcessing.current = false;
      return;
    }
    wasProcessing.current = true;
    const timer = setInterval(() => void refetch(), 500);
    return () => clearInterval(timer);
  }, [processing, refetch, refreshSlots]);
}

/**
 * Applies what happens in the thread to the cache from the live event itself (a new or edited reply, the edited
 * question, the thread's state), so the page reads nothing; it reads the thread again only when the event does not
 * carry the change (moderation, a reply on a page not in the cache). Marks replies that arrived live.
 */
function useThreadLive(loaded: LoadedReplies, refreshSlots: { readonly current?: () => void }) {
  const client = useApolloClient();
  const [freshReplyIds, setFresh] = useState<ReadonlySet<string>>(new Set());
  const { announcement, announce } = useAnnouncement();
  // Replies already in the thread's count: a reply on a page not loaded arrives twice when it is the viewer's own.
  const counted = useRef(new Set<string>());
  const connected = useLiveConnected();

  const readAgain = () => {
    void client.refetchQueries({ include: [ThreadPageDocument, ThreadRepliesDocument] });
    refreshSlots.current?.();
  };
  const takeReply = (reply: ReplyFieldsFragment) => {
    const outcome = addReply(client.cache, loaded, reply);
    if (outcome === 'missing') readAgain();
    if (outcome === 'not-loaded' && !counted.current.has(reply.id)) countReply(client.cache, loaded.threadId, reply);
    counted.current.add(reply.id);
  };
  const markFresh = (replyId: string) => setFresh((current) => new Set(current).add(replyId));

  useSubscription(ThreadActivityDocument, {
    variables: { threadId: loaded.threadId },
    skip: !isThreadId(loaded.threadId),
    // The reply and question it carries are written to the cache by Apollo (normalised by id); lists and state here.
    onData: ({ data }) => {
      const activity = data.data?.threadActivity;
      if (!activity) return;
      const announcement = announcementFor(activity.kind, activity.replyId, activity.byYou);
      if (announcement) announce(announcement);
      switch (activity.kind) {
        case 'NEW_REPLY':
        case 'BOT_ANSWER':
          if (activity.reply) {
            takeReply(activity.reply);
            markFresh(activity.reply.id);
          } else readAgain();
          if (activity.kind === 'BOT_ANSWER') refreshSlots.current?.();
          return;
        case 'ACCEPTED':
          if (activity.state) applyState(client.cache, loaded.threadId, activity.state);
          if (!activity.state || !applyAcceptance(client.cache, loaded, activity.replyId)) readAgain();
          return;
        case 'LOCKED':
        case 'UNLOCKED':
          if (activity.state) applyState(client.cache, loaded.threadId, activity.state);
          else readAgain();
          return;
        case 'UPDATED':
          if (!activity.reply && !activity.question) readAgain();
          // The bot's reply is edited when staff correct it: its footer and the asker's feedback go with the answer.
          else if (activity.reply?.author.isBot) refreshSlots.current?.();
          return;
      }
    },
  });
  return {
    connected,
    freshReplyIds,
    announcement,
    /** The viewer's own new reply, from the mutation's answer. */
    posted: (reply: ReplyFieldsFragment) => {
      takeReply(reply);
      markFresh(reply.id);
      announce('Your reply was posted.');
      requestAnimationFrame(() => {
        const posted = document.getElementById(`reply-${reply.id}`);
        posted?.scrollIntoView({ block: 'center' });
        // The reply box emptied and its button went disabled: focus goes on to what was posted.
        posted?.focus({ preventScroll: true });
      });
    },
  };
}

/** Thread ids are positive integers; anything else the API refuses, so there is nothing to listen to. */
function isThreadId(id: string): boolean {
  return /^[1-9][0-9]*$/.test(id);
}

/**
 * What the live region says of a change; what the viewer did is told as theirs, and their own reply not at all (it was
 * confirmed when it was posted, see posted above, and comes back as an event too).
 */
function announcementFor(kind: ThreadActivityKind, replyId: string | null, byYou: boolean): string | null {
  switch (kind) {
    case 'NEW_REPLY':
      return byYou ? null : 'A new reply was posted.';
    case 'BOT_ANSWER':
      return 'The FAQ bot answered.';
    case 'ACCEPTED':
      if (byYou) return replyId ? 'You accepted an answer.' : 'You withdrew the accepted answer.';
      return replyId ? 'An answer was accepted.' : 'The accepted answer was withdrawn.';
    case 'LOCKED':
      return byYou ? 'You locked the thread.' : 'The thread was locked.';
    case 'UNLOCKED':
      return byYou ? 'You unlocked the thread.' : 'The thread was unlocked.';
    default:
      return byYou ? 'Your change was saved.' : 'The thread was updated.';
  }
}

/** A page of replies loaded after the one the thread opened at, or before it; the outermost one asks for the next. */
function RepliesPage(props: {
  from: { after: string } | { before: string };
  thread: ThreadDetails;
  slots: ThreadSlots;
  freshReplyIds: ReadonlySet<string>;
  targetReplyId: string | null;
  /** The last page loaded after, or the first loaded before: its row asks for the page past it. */
  loadsMore: boolean;
  onMore: (cursor: string) => void;
}) {
  const { data, error, refetch } = useQuery(ThreadRepliesDocument, { variables: repliesPageVariables(props.thread.id, props.from) });
  if (!data) return <PageStatus error={error} retry={() => refetch()} label="Loading replies…" />;
  const earlier = 'before' in props.from;
  const { pageInfo } = data.thread.replies;
  return (
    <>
      {props.loadsMore && earlier ? (
        <LoadMoreRow direction="before" pageInfo={pageInfo} onLoadMore={props.onMore}>
          Show earlier replies
        </LoadMoreRow>
      ) : null}
      {data.thread.replies.nodes.map((reply) => (
        <ReplyPost
          key={reply.id}
          reply={reply}
          thread={props.thread}
          slots={props.slots}
          fresh={props.freshReplyIds.has(reply.id)}
          target={reply.id === props.targetReplyId}
        />
      ))}
      {props.loadsMore && !earlier ? (
        <LoadMoreRow pageInfo={pageInfo} onLoadMore={props.onMore}>
          Show more replies
        </LoadMoreRow>
      ) : null}
    </>
  );
}

/**
 * In a locked thread only staff edit posts or change the accepted answer; a post a moderator hid (the question: its
 * accepted answer too) only staff change until it is restored. The server's viewerCanEdit says so when the thread
 * loads; this also holds after a lock or a hide that arrived live.
 */
function useChangesAllowed(thread: ThreadDetails, post: { hidden: boolean }): boolean {
  const { viewer } = useViewer();
  return (!thread.locked && !post.hidden) || Boolean(viewer?.isStaff);
}

/** What a moderator's hiding means for the post's author: no edits until it is restored. */
function HiddenNotice({ post, authorId }: { post: 'question' | 'reply'; authorId: string }) {
  const { viewer } = useViewer();
  const ownPost = viewer?.id === authorId && !viewer.isStaff;
  return (
    <Notice tone="warning">
      {post === 'question'
        ? 'A moderator hid this question. Only staff and its author can see it.'
        : 'Hidden by a moderator: only staff and its author see this reply.'}
      {ownPost ? ' You can edit it again once a moderator restores it.' : null}
    </Notice>
  );
}

/**
 * A post's editor in place of its body; when it closes, focus goes back to the Edit button that opened it. A post with
 * an unsaved edit the viewer keeps in the tab (after a reload, or signing in again after the session ended) opens in
 * its editor, once the viewer may edit it; until then the draft waits, e.g. while the page shows as a visitor's.
 */
function useEditor(draftKey: string, mayEdit: boolean) {
  const hasDraft = useHasSessionDraft(draftKey);
  // 'draft' until first opened or closed. Open, it stays so even when the text is undone, which forgets the draft.
  const [editing, setEditing] = useState<boolean | 'draft'>('draft');
  if (editing === 'draft' && hasDraft && mayEdit) setEditing(true);
  const editButton = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (editing || !closed.current) return;
    closed.current = false;
    editButton.current?.focus();
  }, [editing]);
  return {
    editing: editing === true,
    editButton,
    open: () => setEditing(true),
    close: () => {
      closed.current = true;
      setEditing(false);
    },
  };
}

function QuestionPost({ thread, slots }: { thread: ThreadDetails; slots: ThreadSlots }) {
  const changesAllowed = useChangesAllowed(thread, thread);
  const mayEdit = thread.viewerCanEdit && changesAllowed;
  const { editing, editButton, open, close } = useEditor(questionEditDraftKey(thread.id), mayEdit);
  const accepted = thread.acceptedReply;
  return (
    <article className="post post--question card" aria-labelledby="question-title">
      <header className="post__header">
        <PageHeading id="question-title" className="post__title">
          {thread.title}
        </PageHeading>
        <div className="row">
          <StatusBadge status={thread.status} />
          {thread.locked && thread.status !== 'LOCKED' ? <Badge tone="locked">Locked</Badge> : null}
          {thread.hidden ? <Badge tone="hidden">Hidden</Badge> : null}
          <TagList tags={thread.tags} />
        </div>
      </header>
      {thread.hidden ? <HiddenNotice post="question" authorId={thread.author.id} /> : null}
      <PostByline
        author={thread.author}
        staffAnswer={false}
        createdAt={thread.createdAt}
        edited={thread.edited}
        editedAt={thread.editedAt}
        postType="THREAD"
        postId={thread.id}
        verb="asked"
      />
      {editing ? (
        <EditQuestionForm
          threadId={thread.id}
          title={thread.title}
          body={thread.body}
          tags={thread.tags}
          version={thread.version}
          onDone={close}
        />
      ) : (
        <HtmlBody html={thread.bodyHtml} />
      )}
      {accepted ? (
        <p className="accepted-link">
          <span aria-hidden="true">✓</span>{' '}
          <a href={`#reply-${accepted.id}`}>
            See the accepted answer
            {accepted.author.isBot ? (
              ' (automated)'
            ) : (
              <>
                {' '}
                by <bdi>{accepted.author.username}</bdi>
              </>
            )}
          </a>
        </p>
      ) : null}
      <div className="post__actions">
        {mayEdit && !editing ? (
          <Button ref={editButton} small variant="quiet" onClick={open}>
            Edit
          </Button>
        ) : null}
        {slots.questionActions?.(thread)}
      </div>
    </article>
  );
}

function ReplyPost({
  reply,
  thread,
  slots,
  fresh,
  target,
}: {
  reply: ReplyDetails;
  thread: ThreadDetails;
  slots: ThreadSlots;
  fresh: boolean;
  /** The reply the page's address links to: shown, marked, and focused, so reading and Tab go on from it. */
  target: boolean;
}) {
  const answerChangesAllowed = useChangesAllowed(thread, thread);
  const replyChangesAllowed = useChangesAllowed(thread, reply);
  const mayEdit = reply.viewerCanEdit && replyChangesAllowed && !reply.author.isBot;
  const { editing, editButton, open, close } = useEditor(replyEditDraftKey(reply.id), mayEdit);
  const { error: acceptError, run } = useAction();
  const [accept, { loading: accepting }] = useMutation(AcceptAnswerDocument);
  const [unaccept, { loading: unaccepting }] = useMutation(UnacceptAnswerDocument);
  const { viewer } = useViewer();
  const classes = [
    'post',
    'post--reply',
    reply.isAccepted ? 'post--accepted' : '',
    reply.isStaffAnswer ? 'post--staff' : '',
    reply.author.isBot ? 'post--bot' : '',
    reply.hidden ? 'post--hidden' : '',
    fresh ? 'post--fresh' : '',
    target ? 'post--target' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!target) return;
    item.current?.scrollIntoView({ block: 'start' });
    item.current?.focus({ preventScroll: true });
  }, [target]);

  return (
    <li ref={item} id={`reply-${reply.id}`} className={classes} tabIndex={-1}>
      {reply.isAccepted ? (
        <p className="post__accepted-label">
          <span aria-hidden="true">✓</span> Accepted answer
        </p>
      ) : null}
      {reply.hidden ? <HiddenNotice post="reply" authorId={reply.author.id} /> : null}
      {reply.impostorWarning ? <ImpostorWarning /> : null}
      <PostByline
        author={reply.author}
        staffAnswer={reply.isStaffAnswer}
        createdAt={reply.createdAt}
        edited={reply.edited}
        editedAt={reply.editedAt}
        postType="REPLY"
        postId={reply.id}
        verb={reply.author.isBot ? 'answered' : 'replied'}
      />
      {editing ? (
        <EditReplyForm replyId={reply.id} body={reply.body} version={reply.version} onDone={close} />
      ) : slots.replyFolded?.(reply) ? (
        <details className="folded">
          <summary>The asker said this did not help — show it anyway</summary>
          <HtmlBody html={reply.bodyHtml} />
        </details>
      ) : (
        <HtmlBody html={reply.bodyHtml} />
      )}
      {slots.replyFooter?.(reply, thread)}
      <div className="post__actions">
        {/* One button in one place for both, so the focus of whoever pressed it stays on it as it turns into the other. */}
        {thread.viewerCanEdit && answerChangesAllowed && viewer && reply.isAccepted ? (
          <Button small variant="quiet" busy={unaccepting} onClick={() => void run(() => unaccept({ variables: { threadId: thread.id } }))}>
            Unaccept
          </Button>
        ) : thread.viewerCanEdit && answerChangesAllowed && viewer && !reply.hidden && (slots.canAccept?.(reply) ?? true) ? (
          <Button small busy={accepting} onClick={() => void run(() => accept({ variables: { replyId: reply.id } }))}>
            ✓ Accept this answer
          </Button>
        ) : null}
        {mayEdit && !editing ? (
          <Button ref={editButton} small variant="quiet" onClick={open}>
            Edit
          </Button>
        ) : null}
        {slots.replyActions?.(reply, thread)}
        <InlineError error={acceptError} />
      </div>
    </li>
  );
}

function ReplyArea({
  thread,
  draft,
  onDraftApplied,
  onPosted,
}: {
  thread: ThreadDetails;
  draft?: string | null;
  onDraftApplied?: () => void;
  onPosted: (reply: ReplyFieldsFragment) => void;
}) {
  const { viewer, loading } = useViewer();
  if (loading) return null;
  if (thread.locked) {
    return <Notice>🔒 This thread is locked: it takes no new replies.{viewer?.isStaff ? ' Unlock it to reply.' : ''}</Notice>;
  }
  if (!viewer) {
    return (
      <Notice>
        <Link to={`/sign-in?next=${encodeURIComponent(`/t/${thread.id}`)}`}>Sign in</Link> or{' '}
        <Link to={`/sign-up?next=${encodeURIComponent(`/t/${thread.id}`)}`}>create an account</Link> to reply.
      </Notice>
    );
  }
  return <ReplyBox key={thread.id} threadId={thread.id} draft={draft} onDraftApplied={onDraftApplied} onPosted={onPosted} />;
}

/** On a member's reply that asks for codes or passwords, or to talk elsewhere; moderators were told automatically. */
function ImpostorWarning() {
  return (
    <div className="notice notice--error impostor-warning" role="note" aria-label="Safety warning">
      <p>
        <strong>Staff never ask for your codes or passwords.</strong>
      </p>
      <p>
        This reply asks for something only you should have, or to continue by e-mail, chat or phone. Don&apos;t send it; keep the
        conversation here. Moderators have been told.
      </p>
    </div>
  );
}
