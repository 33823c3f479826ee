/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription StaffQueueChanged {\n    staffQueueChanged {\n      area\n      threadId\n      flagId\n    }\n  }\n": typeof types.StaffQueueChangedDocument,
    "\n  query StaffQueueCounts {\n    botQueueCounts {\n      pending\n      unhelpful\n      noSuggestion\n      dismissed\n    }\n    openFlagCount\n  }\n": typeof types.StaffQueueCountsDocument,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": typeof types.PreviewMarkdownDocument,
    "\n  fragment ThreadBadgesFields on Thread {\n    status\n    botAwaitsAsker\n    hidden\n  }\n": typeof types.ThreadBadgesFieldsFragmentDoc,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        username\n      }\n      twoFactorChallenge {\n        token\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!) {\n    completeTwoFactorSignIn(input: $input) {\n      user {\n        id\n        username\n      }\n      recoveryCodesLeft\n    }\n  }\n": typeof types.CompleteTwoFactorSignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n": typeof types.SignOutOtherSessionsDocument,
    "\n  query SignedInSessions {\n    sessions {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n      knownDeviceId\n    }\n    knownDevices {\n      id\n      label\n      createdAt\n      current\n    }\n  }\n": typeof types.SignedInSessionsDocument,
    "\n  mutation SignOutSession($id: ID!) {\n    signOutSession(id: $id)\n  }\n": typeof types.SignOutSessionDocument,
    "\n  fragment BotSuggestionFields on BotSuggestion {\n    id\n    threadId\n    status\n    confidence\n    folded\n    usefulVotes\n    replyId\n    feedback\n    createdAt\n    decidedAt\n    clarify {\n      question\n      choices {\n        slug\n        label\n      }\n    }\n    answer {\n      id\n      slug\n      title\n    }\n  }\n": typeof types.BotSuggestionFieldsFragmentDoc,
    "\n  query ThreadBotSuggestion($threadId: ID!) {\n    thread(id: $threadId) {\n      id\n      status\n      staffReplied\n      replyCount\n      author {\n        id\n      }\n      botSuggestion {\n        ...BotSuggestionFields\n      }\n    }\n  }\n": typeof types.ThreadBotSuggestionDocument,
    "\n  mutation ChooseClarification($threadId: ID!, $slug: String!) {\n    chooseClarification(threadId: $threadId, slug: $slug) {\n      ...BotSuggestionFields\n    }\n  }\n": typeof types.ChooseClarificationDocument,
    "\n  mutation MarkBotAnswerHelpful($threadId: ID!) {\n    markBotAnswerHelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": typeof types.MarkBotAnswerHelpfulDocument,
    "\n  mutation MarkBotAnswerUnhelpful($threadId: ID!) {\n    markBotAnswerUnhelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": typeof types.MarkBotAnswerUnhelpfulDocument,
    "\n  mutation VoteBotAnswerUseful($threadId: ID!) {\n    voteBotAnswerUseful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": typeof types.VoteBotAnswerUsefulDocument,
    "\n  query SuggestAnswers($title: String, $body: String) {\n    suggestAnswers(title: $title, body: $body) {\n      answers {\n        slug\n        title\n        excerpt\n        confidence\n      }\n      threads {\n        id\n        title\n        status\n        solved\n        score\n      }\n      clarify {\n        question\n        choices {\n          slug\n          label\n        }\n      }\n    }\n  }\n": typeof types.SuggestAnswersDocument,
    "\n  mutation RecordDeflection($slug: String!) {\n    recordDeflection(slug: $slug)\n  }\n": typeof types.RecordDeflectionDocument,
    "\n  query CanonicalAnswerPreview($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n    }\n  }\n": typeof types.CanonicalAnswerPreviewDocument,
    "\n  query BotQueue($kind: BotQueueKind!, $first: Int!, $after: String) {\n    botQueue(kind: $kind, first: $first, after: $after) {\n      nodes {\n        threadId\n        thread {\n          id\n          title\n          excerpt\n          createdAt\n          replyCount\n          author {\n            id\n            username\n          }\n        }\n        suggestion {\n          id\n          status\n          confidence\n          feedback\n          createdAt\n          decidedAt\n          decidedBy {\n            id\n            username\n          }\n          answer {\n            id\n            slug\n            title\n            retired\n          }\n          alternatives {\n            slug\n            confidence\n          }\n          explanation {\n            terms\n            signals\n          }\n          clarify {\n            question\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BotQueueDocument,
    "\n  query AnswerChoices {\n    canonicalAnswers {\n      id\n      slug\n      title\n    }\n  }\n": typeof types.AnswerChoicesDocument,
    "\n  mutation ConfirmSuggestion($threadId: ID!) {\n    confirmSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmSuggestionDocument,
    "\n  mutation CorrectSuggestion($threadId: ID!, $slug: String!) {\n    correctSuggestion(threadId: $threadId, slug: $slug) {\n      id\n      status\n    }\n  }\n": typeof types.CorrectSuggestionDocument,
    "\n  mutation DismissSuggestion($threadId: ID!) {\n    dismissSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": typeof types.DismissSuggestionDocument,
    "\n  query BotStats($days: Int!) {\n    botStats(days: $days) {\n      days\n      since\n      totals {\n        ...BotStatCountsFields\n      }\n      perDay {\n        day\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n      perAnswer {\n        answer {\n          id\n          slug\n          title\n          retired\n        }\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n    }\n  }\n": typeof types.BotStatsDocument,
    "\n  fragment BotStatCountsFields on BotStatCounts {\n    questionsPosted\n    botAnswers\n    clarifications\n    confirmedResolutions\n    confirmedByAsker\n    confirmedByStaff\n    corrected\n    dismissed\n    unhelpfulVotes\n    usefulVotes\n    deflections\n    pendingReviews\n  }\n": typeof types.BotStatCountsFieldsFragmentDoc,
    "\n  query LearnedExamples($first: Int!) {\n    learnedExamples(first: $first) {\n      id\n      text\n      source\n      answerSlug\n      answerTitle\n      threadId\n      decidedAt\n      decidedBy {\n        id\n        username\n      }\n    }\n  }\n": typeof types.LearnedExamplesDocument,
    "\n  mutation RemoveLearnedExample($id: ID!) {\n    removeLearnedExample(id: $id)\n  }\n": typeof types.RemoveLearnedExampleDocument,
    "\n  query PublicCanonicalAnswer($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n      retired\n      updatedAt\n      version\n    }\n  }\n": typeof types.PublicCanonicalAnswerDocument,
    "\n  query CanonicalAnswerList {\n    canonicalAnswers(includeRetired: true) {\n      id\n      slug\n      title\n      version\n      retired\n      updatedAt\n    }\n  }\n": typeof types.CanonicalAnswerListDocument,
    "\n  query CanonicalAnswerEditor($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      body\n      bodyHtml\n      version\n      retired\n      updatedAt\n    }\n  }\n": typeof types.CanonicalAnswerEditorDocument,
    "\n  query CanonicalAnswerExamples($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      examples(first: 50, after: $after) {\n        nodes {\n          id\n          text\n          source\n          threadId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.CanonicalAnswerExamplesDocument,
    "\n  query CanonicalAnswerRevisions($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      revisions(first: 20, after: $after) {\n        nodes {\n          version\n          title\n          body\n          createdAt\n          editor {\n            id\n            username\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.CanonicalAnswerRevisionsDocument,
    "\n  mutation CreateCanonicalAnswer($input: CreateCanonicalAnswerInput!) {\n    createCanonicalAnswer(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.CreateCanonicalAnswerDocument,
    "\n  mutation UpdateCanonicalAnswer($slug: String!, $input: UpdateCanonicalAnswerInput!) {\n    updateCanonicalAnswer(slug: $slug, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      version\n      updatedAt\n    }\n  }\n": typeof types.UpdateCanonicalAnswerDocument,
    "\n  mutation RetireCanonicalAnswer($slug: String!) {\n    retireCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n": typeof types.RetireCanonicalAnswerDocument,
    "\n  mutation RestoreCanonicalAnswer($slug: String!) {\n    restoreCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n": typeof types.RestoreCanonicalAnswerDocument,
    "\n  mutation AddAnswerExample($slug: String!, $text: String!) {\n    addAnswerExample(slug: $slug, text: $text) {\n      id\n    }\n  }\n": typeof types.AddAnswerExampleDocument,
    "\n  mutation RemoveAnswerExample($exampleId: ID!) {\n    removeAnswerExample(exampleId: $exampleId) {\n      id\n    }\n  }\n": typeof types.RemoveAnswerExampleDocument,
    "\n  query CanonicalAnswerDraft($threadId: ID!, $slug: String!) {\n    canonicalAnswerDraft(threadId: $threadId, slug: $slug)\n  }\n": typeof types.CanonicalAnswerDraftDocument,
    "\n  mutation FlagPost($postType: PostType!, $postId: ID!, $reason: String!) {\n    flagPost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.FlagPostDocument,
    "\n  mutation HidePost($postType: PostType!, $postId: ID!, $reason: String) {\n    hidePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.HidePostDocument,
    "\n  mutation RestorePost($postType: PostType!, $postId: ID!, $reason: String) {\n    restorePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation LockThread($threadId: ID!, $reason: String) {\n    lockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.LockThreadDocument,
    "\n  mutation UnlockThread($threadId: ID!, $reason: String) {\n    unlockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.UnlockThreadDocument,
    "\n  fragment FlagFields on Flag {\n    id\n    postType\n    postId\n    threadId\n    threadTitle\n    excerpt\n    reason\n  }\n": typeof types.FlagFieldsFragmentDoc,
    "\n  query OpenFlags($first: Int!, $after: String) {\n    openFlags(first: $first, after: $after) {\n      nodes {\n        ...FlagFields\n        createdAt\n        reporter {\n          id\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OpenFlagsDocument,
    "\n  mutation ResolveFlag($flagId: ID!, $note: String) {\n    resolveFlag(flagId: $flagId, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.ResolveFlagDocument,
    "\n  query ModerationLog($first: Int!, $after: String) {\n    moderationLog(first: $first, after: $after) {\n      nodes {\n        id\n        action\n        targetType\n        targetId\n        note\n        acceptance\n        createdAt\n        actor {\n          id\n          username\n        }\n        thread {\n          id\n          title\n        }\n        targetUser {\n          id\n          username\n        }\n        flag {\n          ...FlagFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ModerationLogDocument,
    "\n  fragment FlagCountsFields on FlagCounts {\n    open\n    postHidden\n    dismissed\n  }\n": typeof types.FlagCountsFieldsFragmentDoc,
    "\n  query MemberFlagCounts($username: String!) {\n    user(username: $username) {\n      id\n      flagCounts {\n        received {\n          ...FlagCountsFields\n        }\n        raised {\n          ...FlagCountsFields\n        }\n      }\n    }\n  }\n": typeof types.MemberFlagCountsDocument,
    "\n  fragment MemberFlagFields on Flag {\n    ...FlagFields\n    status\n    resolution\n    createdAt\n    reporter {\n      id\n      username\n    }\n    postAuthor {\n      id\n      username\n    }\n  }\n": typeof types.MemberFlagFieldsFragmentDoc,
    "\n  query MemberFlagsReceived($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsReceived(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MemberFlagsReceivedDocument,
    "\n  query MemberFlagsRaised($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsRaised(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MemberFlagsRaisedDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        replyId\n        replyIsYours\n        createdAt\n        read\n        thread {\n          id\n          title\n        }\n        actor {\n          id\n          username\n          isBot\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      unreadCount\n      notification {\n        id\n        kind\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkThreadNotificationsRead($threadId: ID!) {\n    markThreadNotificationsRead(threadId: $threadId)\n  }\n": typeof types.MarkThreadNotificationsReadDocument,
    "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      nodes {\n        threadId\n        matchedIn\n        postId\n        titleHtml\n        snippet\n        thread {\n          id\n          ...ThreadBadgesFields\n          tags\n          replyCount\n          lastActivityAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  subscription ForumActivity {\n    forumActivity {\n      threadId\n      lastActivityAt\n      visibilityChanged\n      listing {\n        authorId\n        tags\n        answered\n      }\n    }\n  }\n": typeof types.ForumActivityDocument,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      threadId\n      replyId\n      at\n      byYou\n      reply {\n        ...ReplyFields\n      }\n      question {\n        id\n        title\n        body\n        bodyHtml\n        tags\n        edited\n        editedAt\n        version\n        viewerCanEdit\n      }\n      state {\n        status\n        locked\n      }\n    }\n  }\n": typeof types.ThreadActivityDocument,
    "\n  fragment ReplyFields on Reply {\n    id\n    threadId\n    bodyHtml\n    body\n    isStaffAnswer\n    isAccepted\n    hidden\n    edited\n    editedAt\n    version\n    createdAt\n    viewerCanEdit\n    impostorWarning\n    author {\n      id\n      username\n      isStaff\n      isBot\n    }\n  }\n": typeof types.ReplyFieldsFragmentDoc,
    "\n  fragment ListedReplyFields on Reply {\n    ...ReplyFields\n    viewerFlagged\n  }\n": typeof types.ListedReplyFieldsFragmentDoc,
    "\n  query ThreadPage($id: ID!, $first: Int!, $around: ID) {\n    thread(id: $id) {\n      id\n      title\n      processing\n      body\n      bodyHtml\n      status\n      locked\n      hidden\n      replyCount\n      hiddenReplyCount\n      edited\n      editedAt\n      version\n      createdAt\n      lastActivityAt\n      tags\n      viewerCanEdit\n      viewerFlagged\n      author {\n        id\n        username\n        isStaff\n        isBot\n      }\n      acceptedReply {\n        id\n        author {\n          id\n          username\n          isStaff\n          isBot\n        }\n      }\n      replies(first: $first, around: $around) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  query ThreadReplies($id: ID!, $first: Int!, $after: String, $before: String) {\n    thread(id: $id) {\n      id\n      replies(first: $first, after: $after, before: $before) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadRepliesDocument,
    "\n  mutation ReplyToThread($threadId: ID!, $body: String!) {\n    replyToThread(threadId: $threadId, body: $body) {\n      ...ReplyFields\n    }\n  }\n": typeof types.ReplyToThreadDocument,
    "\n  mutation AcceptAnswer($replyId: ID!) {\n    acceptAnswer(replyId: $replyId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n": typeof types.AcceptAnswerDocument,
    "\n  mutation UnacceptAnswer($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n": typeof types.UnacceptAnswerDocument,
    "\n  mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) {\n    editQuestion(threadId: $threadId, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      tags\n      edited\n      editedAt\n      version\n    }\n  }\n": typeof types.EditQuestionDocument,
    "\n  fragment EditedQuestionFields on Thread {\n    id\n    title\n    body\n    bodyHtml\n    tags\n    version\n  }\n": typeof types.EditedQuestionFieldsFragmentDoc,
    "\n  mutation EditReply($replyId: ID!, $input: EditReplyInput!) {\n    editReply(replyId: $replyId, input: $input) {\n      ...ReplyFields\n    }\n  }\n": typeof types.EditReplyDocument,
    "\n  query Revisions($postType: PostType!, $postId: ID!, $after: String) {\n    revisions(postType: $postType, postId: $postId, after: $after) {\n      nodes {\n        id\n        previousTitle\n        previousBody\n        previousBodyHtml\n        createdAt\n        editor {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RevisionsDocument,
    "\n  query ThreadList($filter: ThreadFilter, $sort: ThreadSort!, $first: Int!, $after: String) {\n    threads(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        ...ThreadBadgesFields\n        locked\n        replyCount\n        createdAt\n        lastActivityAt\n        tags\n        author {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ThreadListDocument,
    "\n  query PopularTags($first: Int!) {\n    tags(first: $first) {\n      tag\n      threadCount\n    }\n  }\n": typeof types.PopularTagsDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      recoveryCodesLeft\n      requiredForStaffTools\n    }\n  }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      qrCodeSvg\n      setupKey\n    }\n  }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $password: String!) {\n    confirmTwoFactorEnrolment(code: $code, password: $password) {\n      codes\n    }\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      codes\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input) {\n      enabled\n    }\n  }\n": typeof types.DisableTwoFactorDocument,
    "\n  query KnownDevices {\n    knownDevices {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n": typeof types.KnownDevicesDocument,
    "\n  mutation ForgetKnownDevice($id: ID!, $signOut: Boolean!) {\n    forgetKnownDevice(id: $id, signOut: $signOut)\n  }\n": typeof types.ForgetKnownDeviceDocument,
    "\n  mutation ForgetOtherKnownDevices($signOut: Boolean!) {\n    forgetOtherKnownDevices(signOut: $signOut)\n  }\n": typeof types.ForgetOtherKnownDevicesDocument,
    "\n  query UserProfile($username: String!) {\n    user(username: $username) {\n      id\n      username\n      isStaff\n      isBot\n      createdAt\n    }\n  }\n": typeof types.UserProfileDocument,
    "\n  query UserReplies($userId: ID!, $first: Int!, $after: String) {\n    userReplies(userId: $userId, first: $first, after: $after) {\n      nodes {\n        id\n        excerpt\n        createdAt\n        isAccepted\n        isStaffAnswer\n        hidden\n        thread {\n          id\n          title\n          hidden\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UserRepliesDocument,
    "\n  query Viewer {\n    me {\n      id\n      username\n      email\n      role\n      isStaff\n      twoFactorEnabled\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  subscription StaffQueueChanged {\n    staffQueueChanged {\n      area\n      threadId\n      flagId\n    }\n  }\n": types.StaffQueueChangedDocument,
    "\n  query StaffQueueCounts {\n    botQueueCounts {\n      pending\n      unhelpful\n      noSuggestion\n      dismissed\n    }\n    openFlagCount\n  }\n": types.StaffQueueCountsDocument,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": types.PreviewMarkdownDocument,
    "\n  fragment ThreadBadgesFields on Thread {\n    status\n    botAwaitsAsker\n    hidden\n  }\n": types.ThreadBadgesFieldsFragmentDoc,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n      title\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        username\n      }\n      twoFactorChallenge {\n        token\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!) {\n    completeTwoFactorSignIn(input: $input) {\n      user {\n        id\n        username\n      }\n      recoveryCodesLeft\n    }\n  }\n": types.CompleteTwoFactorSignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n": types.SignOutOtherSessionsDocument,
    "\n  query SignedInSessions {\n    sessions {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n      knownDeviceId\n    }\n    knownDevices {\n      id\n      label\n      createdAt\n      current\n    }\n  }\n": types.SignedInSessionsDocument,
    "\n  mutation SignOutSession($id: ID!) {\n    signOutSession(id: $id)\n  }\n": types.SignOutSessionDocument,
    "\n  fragment BotSuggestionFields on BotSuggestion {\n    id\n    threadId\n    status\n    confidence\n    folded\n    usefulVotes\n    replyId\n    feedback\n    createdAt\n    decidedAt\n    clarify {\n      question\n      choices {\n        slug\n        label\n      }\n    }\n    answer {\n      id\n      slug\n      title\n    }\n  }\n": types.BotSuggestionFieldsFragmentDoc,
    "\n  query ThreadBotSuggestion($threadId: ID!) {\n    thread(id: $threadId) {\n      id\n      status\n      staffReplied\n      replyCount\n      author {\n        id\n      }\n      botSuggestion {\n        ...BotSuggestionFields\n      }\n    }\n  }\n": types.ThreadBotSuggestionDocument,
    "\n  mutation ChooseClarification($threadId: ID!, $slug: String!) {\n    chooseClarification(threadId: $threadId, slug: $slug) {\n      ...BotSuggestionFields\n    }\n  }\n": types.ChooseClarificationDocument,
    "\n  mutation MarkBotAnswerHelpful($threadId: ID!) {\n    markBotAnswerHelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": types.MarkBotAnswerHelpfulDocument,
    "\n  mutation MarkBotAnswerUnhelpful($threadId: ID!) {\n    markBotAnswerUnhelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": types.MarkBotAnswerUnhelpfulDocument,
    "\n  mutation VoteBotAnswerUseful($threadId: ID!) {\n    voteBotAnswerUseful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n": types.VoteBotAnswerUsefulDocument,
    "\n  query SuggestAnswers($title: String, $body: String) {\n    suggestAnswers(title: $title, body: $body) {\n      answers {\n        slug\n        title\n        excerpt\n        confidence\n      }\n      threads {\n        id\n        title\n        status\n        solved\n        score\n      }\n      clarify {\n        question\n        choices {\n          slug\n          label\n        }\n      }\n    }\n  }\n": types.SuggestAnswersDocument,
    "\n  mutation RecordDeflection($slug: String!) {\n    recordDeflection(slug: $slug)\n  }\n": types.RecordDeflectionDocument,
    "\n  query CanonicalAnswerPreview($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n    }\n  }\n": types.CanonicalAnswerPreviewDocument,
    "\n  query BotQueue($kind: BotQueueKind!, $first: Int!, $after: String) {\n    botQueue(kind: $kind, first: $first, after: $after) {\n      nodes {\n        threadId\n        thread {\n          id\n          title\n          excerpt\n          createdAt\n          replyCount\n          author {\n            id\n            username\n          }\n        }\n        suggestion {\n          id\n          status\n          confidence\n          feedback\n          createdAt\n          decidedAt\n          decidedBy {\n            id\n            username\n          }\n          answer {\n            id\n            slug\n            title\n            retired\n          }\n          alternatives {\n            slug\n            confidence\n          }\n          explanation {\n            terms\n            signals\n          }\n          clarify {\n            question\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BotQueueDocument,
    "\n  query AnswerChoices {\n    canonicalAnswers {\n      id\n      slug\n      title\n    }\n  }\n": types.AnswerChoicesDocument,
    "\n  mutation ConfirmSuggestion($threadId: ID!) {\n    confirmSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": types.ConfirmSuggestionDocument,
    "\n  mutation CorrectSuggestion($threadId: ID!, $slug: String!) {\n    correctSuggestion(threadId: $threadId, slug: $slug) {\n      id\n      status\n    }\n  }\n": types.CorrectSuggestionDocument,
    "\n  mutation DismissSuggestion($threadId: ID!) {\n    dismissSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": types.DismissSuggestionDocument,
    "\n  query BotStats($days: Int!) {\n    botStats(days: $days) {\n      days\n      since\n      totals {\n        ...BotStatCountsFields\n      }\n      perDay {\n        day\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n      perAnswer {\n        answer {\n          id\n          slug\n          title\n          retired\n        }\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n    }\n  }\n": types.BotStatsDocument,
    "\n  fragment BotStatCountsFields on BotStatCounts {\n    questionsPosted\n    botAnswers\n    clarifications\n    confirmedResolutions\n    confirmedByAsker\n    confirmedByStaff\n    corrected\n    dismissed\n    unhelpfulVotes\n    usefulVotes\n    deflections\n    pendingReviews\n  }\n": types.BotStatCountsFieldsFragmentDoc,
    "\n  query LearnedExamples($first: Int!) {\n    learnedExamples(first: $first) {\n      id\n      text\n      source\n      answerSlug\n      answerTitle\n      threadId\n      decidedAt\n      decidedBy {\n        id\n        username\n      }\n    }\n  }\n": types.LearnedExamplesDocument,
    "\n  mutation RemoveLearnedExample($id: ID!) {\n    removeLearnedExample(id: $id)\n  }\n": types.RemoveLearnedExampleDocument,
    "\n  query PublicCanonicalAnswer($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n      retired\n      updatedAt\n      version\n    }\n  }\n": types.PublicCanonicalAnswerDocument,
    "\n  query CanonicalAnswerList {\n    canonicalAnswers(includeRetired: true) {\n      id\n      slug\n      title\n      version\n      retired\n      updatedAt\n    }\n  }\n": types.CanonicalAnswerListDocument,
    "\n  query CanonicalAnswerEditor($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      body\n      bodyHtml\n      version\n      retired\n      updatedAt\n    }\n  }\n": types.CanonicalAnswerEditorDocument,
    "\n  query CanonicalAnswerExamples($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      examples(first: 50, after: $after) {\n        nodes {\n          id\n          text\n          source\n          threadId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.CanonicalAnswerExamplesDocument,
    "\n  query CanonicalAnswerRevisions($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      revisions(first: 20, after: $after) {\n        nodes {\n          version\n          title\n          body\n          createdAt\n          editor {\n            id\n            username\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.CanonicalAnswerRevisionsDocument,
    "\n  mutation CreateCanonicalAnswer($input: CreateCanonicalAnswerInput!) {\n    createCanonicalAnswer(input: $input) {\n      id\n      slug\n    }\n  }\n": types.CreateCanonicalAnswerDocument,
    "\n  mutation UpdateCanonicalAnswer($slug: String!, $input: UpdateCanonicalAnswerInput!) {\n    updateCanonicalAnswer(slug: $slug, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      version\n      updatedAt\n    }\n  }\n": types.UpdateCanonicalAnswerDocument,
    "\n  mutation RetireCanonicalAnswer($slug: String!) {\n    retireCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n": types.RetireCanonicalAnswerDocument,
    "\n  mutation RestoreCanonicalAnswer($slug: String!) {\n    restoreCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n": types.RestoreCanonicalAnswerDocument,
    "\n  mutation AddAnswerExample($slug: String!, $text: String!) {\n    addAnswerExample(slug: $slug, text: $text) {\n      id\n    }\n  }\n": types.AddAnswerExampleDocument,
    "\n  mutation RemoveAnswerExample($exampleId: ID!) {\n    removeAnswerExample(exampleId: $exampleId) {\n      id\n    }\n  }\n": types.RemoveAnswerExampleDocument,
    "\n  query CanonicalAnswerDraft($threadId: ID!, $slug: String!) {\n    canonicalAnswerDraft(threadId: $threadId, slug: $slug)\n  }\n": types.CanonicalAnswerDraftDocument,
    "\n  mutation FlagPost($postType: PostType!, $postId: ID!, $reason: String!) {\n    flagPost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.FlagPostDocument,
    "\n  mutation HidePost($postType: PostType!, $postId: ID!, $reason: String) {\n    hidePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n": types.HidePostDocument,
    "\n  mutation RestorePost($postType: PostType!, $postId: ID!, $reason: String) {\n    restorePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n": types.RestorePostDocument,
    "\n  mutation LockThread($threadId: ID!, $reason: String) {\n    lockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n": types.LockThreadDocument,
    "\n  mutation UnlockThread($threadId: ID!, $reason: String) {\n    unlockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n": types.UnlockThreadDocument,
    "\n  fragment FlagFields on Flag {\n    id\n    postType\n    postId\n    threadId\n    threadTitle\n    excerpt\n    reason\n  }\n": types.FlagFieldsFragmentDoc,
    "\n  query OpenFlags($first: Int!, $after: String) {\n    openFlags(first: $first, after: $after) {\n      nodes {\n        ...FlagFields\n        createdAt\n        reporter {\n          id\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OpenFlagsDocument,
    "\n  mutation ResolveFlag($flagId: ID!, $note: String) {\n    resolveFlag(flagId: $flagId, note: $note) {\n      id\n      status\n    }\n  }\n": types.ResolveFlagDocument,
    "\n  query ModerationLog($first: Int!, $after: String) {\n    moderationLog(first: $first, after: $after) {\n      nodes {\n        id\n        action\n        targetType\n        targetId\n        note\n        acceptance\n        createdAt\n        actor {\n          id\n          username\n        }\n        thread {\n          id\n          title\n        }\n        targetUser {\n          id\n          username\n        }\n        flag {\n          ...FlagFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ModerationLogDocument,
    "\n  fragment FlagCountsFields on FlagCounts {\n    open\n    postHidden\n    dismissed\n  }\n": types.FlagCountsFieldsFragmentDoc,
    "\n  query MemberFlagCounts($username: String!) {\n    user(username: $username) {\n      id\n      flagCounts {\n        received {\n          ...FlagCountsFields\n        }\n        raised {\n          ...FlagCountsFields\n        }\n      }\n    }\n  }\n": types.MemberFlagCountsDocument,
    "\n  fragment MemberFlagFields on Flag {\n    ...FlagFields\n    status\n    resolution\n    createdAt\n    reporter {\n      id\n      username\n    }\n    postAuthor {\n      id\n      username\n    }\n  }\n": types.MemberFlagFieldsFragmentDoc,
    "\n  query MemberFlagsReceived($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsReceived(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MemberFlagsReceivedDocument,
    "\n  query MemberFlagsRaised($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsRaised(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MemberFlagsRaisedDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        replyId\n        replyIsYours\n        createdAt\n        read\n        thread {\n          id\n          title\n        }\n        actor {\n          id\n          username\n          isBot\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      unreadCount\n      notification {\n        id\n        kind\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkThreadNotificationsRead($threadId: ID!) {\n    markThreadNotificationsRead(threadId: $threadId)\n  }\n": types.MarkThreadNotificationsReadDocument,
    "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      nodes {\n        threadId\n        matchedIn\n        postId\n        titleHtml\n        snippet\n        thread {\n          id\n          ...ThreadBadgesFields\n          tags\n          replyCount\n          lastActivityAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  subscription ForumActivity {\n    forumActivity {\n      threadId\n      lastActivityAt\n      visibilityChanged\n      listing {\n        authorId\n        tags\n        answered\n      }\n    }\n  }\n": types.ForumActivityDocument,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      threadId\n      replyId\n      at\n      byYou\n      reply {\n        ...ReplyFields\n      }\n      question {\n        id\n        title\n        body\n        bodyHtml\n        tags\n        edited\n        editedAt\n        version\n        viewerCanEdit\n      }\n      state {\n        status\n        locked\n      }\n    }\n  }\n": types.ThreadActivityDocument,
    "\n  fragment ReplyFields on Reply {\n    id\n    threadId\n    bodyHtml\n    body\n    isStaffAnswer\n    isAccepted\n    hidden\n    edited\n    editedAt\n    version\n    createdAt\n    viewerCanEdit\n    impostorWarning\n    author {\n      id\n      username\n      isStaff\n      isBot\n    }\n  }\n": types.ReplyFieldsFragmentDoc,
    "\n  fragment ListedReplyFields on Reply {\n    ...ReplyFields\n    viewerFlagged\n  }\n": types.ListedReplyFieldsFragmentDoc,
    "\n  query ThreadPage($id: ID!, $first: Int!, $around: ID) {\n    thread(id: $id) {\n      id\n      title\n      processing\n      body\n      bodyHtml\n      status\n      locked\n      hidden\n      replyCount\n      hiddenReplyCount\n      edited\n      editedAt\n      version\n      createdAt\n      lastActivityAt\n      tags\n      viewerCanEdit\n      viewerFlagged\n      author {\n        id\n        username\n        isStaff\n        isBot\n      }\n      acceptedReply {\n        id\n        author {\n          id\n          username\n          isStaff\n          isBot\n        }\n      }\n      replies(first: $first, around: $around) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  query ThreadReplies($id: ID!, $first: Int!, $after: String, $before: String) {\n    thread(id: $id) {\n      id\n      replies(first: $first, after: $after, before: $before) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadRepliesDocument,
    "\n  mutation ReplyToThread($threadId: ID!, $body: String!) {\n    replyToThread(threadId: $threadId, body: $body) {\n      ...ReplyFields\n    }\n  }\n": types.ReplyToThreadDocument,
    "\n  mutation AcceptAnswer($replyId: ID!) {\n    acceptAnswer(replyId: $replyId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n": types.AcceptAnswerDocument,
    "\n  mutation UnacceptAnswer($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n": types.UnacceptAnswerDocument,
    "\n  mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) {\n    editQuestion(threadId: $threadId, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      tags\n      edited\n      editedAt\n      version\n    }\n  }\n": types.EditQuestionDocument,
    "\n  fragment EditedQuestionFields on Thread {\n    id\n    title\n    body\n    bodyHtml\n    tags\n    version\n  }\n": types.EditedQuestionFieldsFragmentDoc,
    "\n  mutation EditReply($replyId: ID!, $input: EditReplyInput!) {\n    editReply(replyId: $replyId, input: $input) {\n      ...ReplyFields\n    }\n  }\n": types.EditReplyDocument,
    "\n  query Revisions($postType: PostType!, $postId: ID!, $after: String) {\n    revisions(postType: $postType, postId: $postId, after: $after) {\n      nodes {\n        id\n        previousTitle\n        previousBody\n        previousBodyHtml\n        createdAt\n        editor {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RevisionsDocument,
    "\n  query ThreadList($filter: ThreadFilter, $sort: ThreadSort!, $first: Int!, $after: String) {\n    threads(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        ...ThreadBadgesFields\n        locked\n        replyCount\n        createdAt\n        lastActivityAt\n        tags\n        author {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ThreadListDocument,
    "\n  query PopularTags($first: Int!) {\n    tags(first: $first) {\n      tag\n      threadCount\n    }\n  }\n": types.PopularTagsDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      recoveryCodesLeft\n      requiredForStaffTools\n    }\n  }\n": types.TwoFactorStatusDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      qrCodeSvg\n      setupKey\n    }\n  }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $password: String!) {\n    confirmTwoFactorEnrolment(code: $code, password: $password) {\n      codes\n    }\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      codes\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input) {\n      enabled\n    }\n  }\n": types.DisableTwoFactorDocument,
    "\n  query KnownDevices {\n    knownDevices {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n": types.KnownDevicesDocument,
    "\n  mutation ForgetKnownDevice($id: ID!, $signOut: Boolean!) {\n    forgetKnownDevice(id: $id, signOut: $signOut)\n  }\n": types.ForgetKnownDeviceDocument,
    "\n  mutation ForgetOtherKnownDevices($signOut: Boolean!) {\n    forgetOtherKnownDevices(signOut: $signOut)\n  }\n": types.ForgetOtherKnownDevicesDocument,
    "\n  query UserProfile($username: String!) {\n    user(username: $username) {\n      id\n      username\n      isStaff\n      isBot\n      createdAt\n    }\n  }\n": types.UserProfileDocument,
    "\n  query UserReplies($userId: ID!, $first: Int!, $after: String) {\n    userReplies(userId: $userId, first: $first, after: $after) {\n      nodes {\n        id\n        excerpt\n        createdAt\n        isAccepted\n        isStaffAnswer\n        hidden\n        thread {\n          id\n          title\n          hidden\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UserRepliesDocument,
    "\n  query Viewer {\n    me {\n      id\n      username\n      email\n      role\n      isStaff\n      twoFactorEnabled\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StaffQueueChanged {\n    staffQueueChanged {\n      area\n      threadId\n      flagId\n    }\n  }\n"): (typeof documents)["\n  subscription StaffQueueChanged {\n    staffQueueChanged {\n      area\n      threadId\n      flagId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffQueueCounts {\n    botQueueCounts {\n      pending\n      unhelpful\n      noSuggestion\n      dismissed\n    }\n    openFlagCount\n  }\n"): (typeof documents)["\n  query StaffQueueCounts {\n    botQueueCounts {\n      pending\n      unhelpful\n      noSuggestion\n      dismissed\n    }\n    openFlagCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"): (typeof documents)["\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadBadgesFields on Thread {\n    status\n    botAwaitsAsker\n    hidden\n  }\n"): (typeof documents)["\n  fragment ThreadBadgesFields on Thread {\n    status\n    botAwaitsAsker\n    hidden\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        username\n      }\n      twoFactorChallenge {\n        token\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        username\n      }\n      twoFactorChallenge {\n        token\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!) {\n    completeTwoFactorSignIn(input: $input) {\n      user {\n        id\n        username\n      }\n      recoveryCodesLeft\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!) {\n    completeTwoFactorSignIn(input: $input) {\n      user {\n        id\n        username\n      }\n      recoveryCodesLeft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n"): (typeof documents)["\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedInSessions {\n    sessions {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n      knownDeviceId\n    }\n    knownDevices {\n      id\n      label\n      createdAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query SignedInSessions {\n    sessions {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n      knownDeviceId\n    }\n    knownDevices {\n      id\n      label\n      createdAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutSession($id: ID!) {\n    signOutSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation SignOutSession($id: ID!) {\n    signOutSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BotSuggestionFields on BotSuggestion {\n    id\n    threadId\n    status\n    confidence\n    folded\n    usefulVotes\n    replyId\n    feedback\n    createdAt\n    decidedAt\n    clarify {\n      question\n      choices {\n        slug\n        label\n      }\n    }\n    answer {\n      id\n      slug\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment BotSuggestionFields on BotSuggestion {\n    id\n    threadId\n    status\n    confidence\n    folded\n    usefulVotes\n    replyId\n    feedback\n    createdAt\n    decidedAt\n    clarify {\n      question\n      choices {\n        slug\n        label\n      }\n    }\n    answer {\n      id\n      slug\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadBotSuggestion($threadId: ID!) {\n    thread(id: $threadId) {\n      id\n      status\n      staffReplied\n      replyCount\n      author {\n        id\n      }\n      botSuggestion {\n        ...BotSuggestionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadBotSuggestion($threadId: ID!) {\n    thread(id: $threadId) {\n      id\n      status\n      staffReplied\n      replyCount\n      author {\n        id\n      }\n      botSuggestion {\n        ...BotSuggestionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseClarification($threadId: ID!, $slug: String!) {\n    chooseClarification(threadId: $threadId, slug: $slug) {\n      ...BotSuggestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChooseClarification($threadId: ID!, $slug: String!) {\n    chooseClarification(threadId: $threadId, slug: $slug) {\n      ...BotSuggestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkBotAnswerHelpful($threadId: ID!) {\n    markBotAnswerHelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkBotAnswerHelpful($threadId: ID!) {\n    markBotAnswerHelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkBotAnswerUnhelpful($threadId: ID!) {\n    markBotAnswerUnhelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkBotAnswerUnhelpful($threadId: ID!) {\n    markBotAnswerUnhelpful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoteBotAnswerUseful($threadId: ID!) {\n    voteBotAnswerUseful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation VoteBotAnswerUseful($threadId: ID!) {\n    voteBotAnswerUseful(threadId: $threadId) {\n      ...BotSuggestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestAnswers($title: String, $body: String) {\n    suggestAnswers(title: $title, body: $body) {\n      answers {\n        slug\n        title\n        excerpt\n        confidence\n      }\n      threads {\n        id\n        title\n        status\n        solved\n        score\n      }\n      clarify {\n        question\n        choices {\n          slug\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuggestAnswers($title: String, $body: String) {\n    suggestAnswers(title: $title, body: $body) {\n      answers {\n        slug\n        title\n        excerpt\n        confidence\n      }\n      threads {\n        id\n        title\n        status\n        solved\n        score\n      }\n      clarify {\n        question\n        choices {\n          slug\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDeflection($slug: String!) {\n    recordDeflection(slug: $slug)\n  }\n"): (typeof documents)["\n  mutation RecordDeflection($slug: String!) {\n    recordDeflection(slug: $slug)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerPreview($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n    }\n  }\n"): (typeof documents)["\n  query CanonicalAnswerPreview($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BotQueue($kind: BotQueueKind!, $first: Int!, $after: String) {\n    botQueue(kind: $kind, first: $first, after: $after) {\n      nodes {\n        threadId\n        thread {\n          id\n          title\n          excerpt\n          createdAt\n          replyCount\n          author {\n            id\n            username\n          }\n        }\n        suggestion {\n          id\n          status\n          confidence\n          feedback\n          createdAt\n          decidedAt\n          decidedBy {\n            id\n            username\n          }\n          answer {\n            id\n            slug\n            title\n            retired\n          }\n          alternatives {\n            slug\n            confidence\n          }\n          explanation {\n            terms\n            signals\n          }\n          clarify {\n            question\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BotQueue($kind: BotQueueKind!, $first: Int!, $after: String) {\n    botQueue(kind: $kind, first: $first, after: $after) {\n      nodes {\n        threadId\n        thread {\n          id\n          title\n          excerpt\n          createdAt\n          replyCount\n          author {\n            id\n            username\n          }\n        }\n        suggestion {\n          id\n          status\n          confidence\n          feedback\n          createdAt\n          decidedAt\n          decidedBy {\n            id\n            username\n          }\n          answer {\n            id\n            slug\n            title\n            retired\n          }\n          alternatives {\n            slug\n            confidence\n          }\n          explanation {\n            terms\n            signals\n          }\n          clarify {\n            question\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnswerChoices {\n    canonicalAnswers {\n      id\n      slug\n      title\n    }\n  }\n"): (typeof documents)["\n  query AnswerChoices {\n    canonicalAnswers {\n      id\n      slug\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSuggestion($threadId: ID!) {\n    confirmSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSuggestion($threadId: ID!) {\n    confirmSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectSuggestion($threadId: ID!, $slug: String!) {\n    correctSuggestion(threadId: $threadId, slug: $slug) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectSuggestion($threadId: ID!, $slug: String!) {\n    correctSuggestion(threadId: $threadId, slug: $slug) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissSuggestion($threadId: ID!) {\n    dismissSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DismissSuggestion($threadId: ID!) {\n    dismissSuggestion(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BotStats($days: Int!) {\n    botStats(days: $days) {\n      days\n      since\n      totals {\n        ...BotStatCountsFields\n      }\n      perDay {\n        day\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n      perAnswer {\n        answer {\n          id\n          slug\n          title\n          retired\n        }\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BotStats($days: Int!) {\n    botStats(days: $days) {\n      days\n      since\n      totals {\n        ...BotStatCountsFields\n      }\n      perDay {\n        day\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n      perAnswer {\n        answer {\n          id\n          slug\n          title\n          retired\n        }\n        counts {\n          ...BotStatCountsFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BotStatCountsFields on BotStatCounts {\n    questionsPosted\n    botAnswers\n    clarifications\n    confirmedResolutions\n    confirmedByAsker\n    confirmedByStaff\n    corrected\n    dismissed\n    unhelpfulVotes\n    usefulVotes\n    deflections\n    pendingReviews\n  }\n"): (typeof documents)["\n  fragment BotStatCountsFields on BotStatCounts {\n    questionsPosted\n    botAnswers\n    clarifications\n    confirmedResolutions\n    confirmedByAsker\n    confirmedByStaff\n    corrected\n    dismissed\n    unhelpfulVotes\n    usefulVotes\n    deflections\n    pendingReviews\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LearnedExamples($first: Int!) {\n    learnedExamples(first: $first) {\n      id\n      text\n      source\n      answerSlug\n      answerTitle\n      threadId\n      decidedAt\n      decidedBy {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  query LearnedExamples($first: Int!) {\n    learnedExamples(first: $first) {\n      id\n      text\n      source\n      answerSlug\n      answerTitle\n      threadId\n      decidedAt\n      decidedBy {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveLearnedExample($id: ID!) {\n    removeLearnedExample(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveLearnedExample($id: ID!) {\n    removeLearnedExample(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicCanonicalAnswer($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n      retired\n      updatedAt\n      version\n    }\n  }\n"): (typeof documents)["\n  query PublicCanonicalAnswer($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      bodyHtml\n      retired\n      updatedAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerList {\n    canonicalAnswers(includeRetired: true) {\n      id\n      slug\n      title\n      version\n      retired\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query CanonicalAnswerList {\n    canonicalAnswers(includeRetired: true) {\n      id\n      slug\n      title\n      version\n      retired\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerEditor($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      body\n      bodyHtml\n      version\n      retired\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query CanonicalAnswerEditor($slug: String!) {\n    canonicalAnswer(slug: $slug) {\n      id\n      slug\n      title\n      body\n      bodyHtml\n      version\n      retired\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerExamples($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      examples(first: 50, after: $after) {\n        nodes {\n          id\n          text\n          source\n          threadId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CanonicalAnswerExamples($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      examples(first: 50, after: $after) {\n        nodes {\n          id\n          text\n          source\n          threadId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerRevisions($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      revisions(first: 20, after: $after) {\n        nodes {\n          version\n          title\n          body\n          createdAt\n          editor {\n            id\n            username\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CanonicalAnswerRevisions($slug: String!, $after: String) {\n    canonicalAnswer(slug: $slug) {\n      id\n      revisions(first: 20, after: $after) {\n        nodes {\n          version\n          title\n          body\n          createdAt\n          editor {\n            id\n            username\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCanonicalAnswer($input: CreateCanonicalAnswerInput!) {\n    createCanonicalAnswer(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCanonicalAnswer($input: CreateCanonicalAnswerInput!) {\n    createCanonicalAnswer(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCanonicalAnswer($slug: String!, $input: UpdateCanonicalAnswerInput!) {\n    updateCanonicalAnswer(slug: $slug, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCanonicalAnswer($slug: String!, $input: UpdateCanonicalAnswerInput!) {\n    updateCanonicalAnswer(slug: $slug, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireCanonicalAnswer($slug: String!) {\n    retireCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n"): (typeof documents)["\n  mutation RetireCanonicalAnswer($slug: String!) {\n    retireCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCanonicalAnswer($slug: String!) {\n    restoreCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreCanonicalAnswer($slug: String!) {\n    restoreCanonicalAnswer(slug: $slug) {\n      id\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAnswerExample($slug: String!, $text: String!) {\n    addAnswerExample(slug: $slug, text: $text) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddAnswerExample($slug: String!, $text: String!) {\n    addAnswerExample(slug: $slug, text: $text) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAnswerExample($exampleId: ID!) {\n    removeAnswerExample(exampleId: $exampleId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAnswerExample($exampleId: ID!) {\n    removeAnswerExample(exampleId: $exampleId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CanonicalAnswerDraft($threadId: ID!, $slug: String!) {\n    canonicalAnswerDraft(threadId: $threadId, slug: $slug)\n  }\n"): (typeof documents)["\n  query CanonicalAnswerDraft($threadId: ID!, $slug: String!) {\n    canonicalAnswerDraft(threadId: $threadId, slug: $slug)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagPost($postType: PostType!, $postId: ID!, $reason: String!) {\n    flagPost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FlagPost($postType: PostType!, $postId: ID!, $reason: String!) {\n    flagPost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($postType: PostType!, $postId: ID!, $reason: String) {\n    hidePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HidePost($postType: PostType!, $postId: ID!, $reason: String) {\n    hidePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($postType: PostType!, $postId: ID!, $reason: String) {\n    restorePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePost($postType: PostType!, $postId: ID!, $reason: String) {\n    restorePost(postType: $postType, postId: $postId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockThread($threadId: ID!, $reason: String) {\n    lockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LockThread($threadId: ID!, $reason: String) {\n    lockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockThread($threadId: ID!, $reason: String) {\n    unlockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockThread($threadId: ID!, $reason: String) {\n    unlockThread(threadId: $threadId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlagFields on Flag {\n    id\n    postType\n    postId\n    threadId\n    threadTitle\n    excerpt\n    reason\n  }\n"): (typeof documents)["\n  fragment FlagFields on Flag {\n    id\n    postType\n    postId\n    threadId\n    threadTitle\n    excerpt\n    reason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenFlags($first: Int!, $after: String) {\n    openFlags(first: $first, after: $after) {\n      nodes {\n        ...FlagFields\n        createdAt\n        reporter {\n          id\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenFlags($first: Int!, $after: String) {\n    openFlags(first: $first, after: $after) {\n      nodes {\n        ...FlagFields\n        createdAt\n        reporter {\n          id\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveFlag($flagId: ID!, $note: String) {\n    resolveFlag(flagId: $flagId, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveFlag($flagId: ID!, $note: String) {\n    resolveFlag(flagId: $flagId, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationLog($first: Int!, $after: String) {\n    moderationLog(first: $first, after: $after) {\n      nodes {\n        id\n        action\n        targetType\n        targetId\n        note\n        acceptance\n        createdAt\n        actor {\n          id\n          username\n        }\n        thread {\n          id\n          title\n        }\n        targetUser {\n          id\n          username\n        }\n        flag {\n          ...FlagFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationLog($first: Int!, $after: String) {\n    moderationLog(first: $first, after: $after) {\n      nodes {\n        id\n        action\n        targetType\n        targetId\n        note\n        acceptance\n        createdAt\n        actor {\n          id\n          username\n        }\n        thread {\n          id\n          title\n        }\n        targetUser {\n          id\n          username\n        }\n        flag {\n          ...FlagFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlagCountsFields on FlagCounts {\n    open\n    postHidden\n    dismissed\n  }\n"): (typeof documents)["\n  fragment FlagCountsFields on FlagCounts {\n    open\n    postHidden\n    dismissed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberFlagCounts($username: String!) {\n    user(username: $username) {\n      id\n      flagCounts {\n        received {\n          ...FlagCountsFields\n        }\n        raised {\n          ...FlagCountsFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberFlagCounts($username: String!) {\n    user(username: $username) {\n      id\n      flagCounts {\n        received {\n          ...FlagCountsFields\n        }\n        raised {\n          ...FlagCountsFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFlagFields on Flag {\n    ...FlagFields\n    status\n    resolution\n    createdAt\n    reporter {\n      id\n      username\n    }\n    postAuthor {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  fragment MemberFlagFields on Flag {\n    ...FlagFields\n    status\n    resolution\n    createdAt\n    reporter {\n      id\n      username\n    }\n    postAuthor {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberFlagsReceived($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsReceived(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberFlagsReceived($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsReceived(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberFlagsRaised($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsRaised(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberFlagsRaised($username: String!, $first: Int!, $after: String) {\n    user(username: $username) {\n      id\n      flagsRaised(first: $first, after: $after) {\n        nodes {\n          ...MemberFlagFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        replyId\n        replyIsYours\n        createdAt\n        read\n        thread {\n          id\n          title\n        }\n        actor {\n          id\n          username\n          isBot\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      nodes {\n        id\n        kind\n        replyId\n        replyIsYours\n        createdAt\n        read\n        thread {\n          id\n          title\n        }\n        actor {\n          id\n          username\n          isBot\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      unreadCount\n      notification {\n        id\n        kind\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      unreadCount\n      notification {\n        id\n        kind\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkThreadNotificationsRead($threadId: ID!) {\n    markThreadNotificationsRead(threadId: $threadId)\n  }\n"): (typeof documents)["\n  mutation MarkThreadNotificationsRead($threadId: ID!) {\n    markThreadNotificationsRead(threadId: $threadId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      nodes {\n        threadId\n        matchedIn\n        postId\n        titleHtml\n        snippet\n        thread {\n          id\n          ...ThreadBadgesFields\n          tags\n          replyCount\n          lastActivityAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      nodes {\n        threadId\n        matchedIn\n        postId\n        titleHtml\n        snippet\n        thread {\n          id\n          ...ThreadBadgesFields\n          tags\n          replyCount\n          lastActivityAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ForumActivity {\n    forumActivity {\n      threadId\n      lastActivityAt\n      visibilityChanged\n      listing {\n        authorId\n        tags\n        answered\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ForumActivity {\n    forumActivity {\n      threadId\n      lastActivityAt\n      visibilityChanged\n      listing {\n        authorId\n        tags\n        answered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      threadId\n      replyId\n      at\n      byYou\n      reply {\n        ...ReplyFields\n      }\n      question {\n        id\n        title\n        body\n        bodyHtml\n        tags\n        edited\n        editedAt\n        version\n        viewerCanEdit\n      }\n      state {\n        status\n        locked\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      threadId\n      replyId\n      at\n      byYou\n      reply {\n        ...ReplyFields\n      }\n      question {\n        id\n        title\n        body\n        bodyHtml\n        tags\n        edited\n        editedAt\n        version\n        viewerCanEdit\n      }\n      state {\n        status\n        locked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyFields on Reply {\n    id\n    threadId\n    bodyHtml\n    body\n    isStaffAnswer\n    isAccepted\n    hidden\n    edited\n    editedAt\n    version\n    createdAt\n    viewerCanEdit\n    impostorWarning\n    author {\n      id\n      username\n      isStaff\n      isBot\n    }\n  }\n"): (typeof documents)["\n  fragment ReplyFields on Reply {\n    id\n    threadId\n    bodyHtml\n    body\n    isStaffAnswer\n    isAccepted\n    hidden\n    edited\n    editedAt\n    version\n    createdAt\n    viewerCanEdit\n    impostorWarning\n    author {\n      id\n      username\n      isStaff\n      isBot\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ListedReplyFields on Reply {\n    ...ReplyFields\n    viewerFlagged\n  }\n"): (typeof documents)["\n  fragment ListedReplyFields on Reply {\n    ...ReplyFields\n    viewerFlagged\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $first: Int!, $around: ID) {\n    thread(id: $id) {\n      id\n      title\n      processing\n      body\n      bodyHtml\n      status\n      locked\n      hidden\n      replyCount\n      hiddenReplyCount\n      edited\n      editedAt\n      version\n      createdAt\n      lastActivityAt\n      tags\n      viewerCanEdit\n      viewerFlagged\n      author {\n        id\n        username\n        isStaff\n        isBot\n      }\n      acceptedReply {\n        id\n        author {\n          id\n          username\n          isStaff\n          isBot\n        }\n      }\n      replies(first: $first, around: $around) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $first: Int!, $around: ID) {\n    thread(id: $id) {\n      id\n      title\n      processing\n      body\n      bodyHtml\n      status\n      locked\n      hidden\n      replyCount\n      hiddenReplyCount\n      edited\n      editedAt\n      version\n      createdAt\n      lastActivityAt\n      tags\n      viewerCanEdit\n      viewerFlagged\n      author {\n        id\n        username\n        isStaff\n        isBot\n      }\n      acceptedReply {\n        id\n        author {\n          id\n          username\n          isStaff\n          isBot\n        }\n      }\n      replies(first: $first, around: $around) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadReplies($id: ID!, $first: Int!, $after: String, $before: String) {\n    thread(id: $id) {\n      id\n      replies(first: $first, after: $after, before: $before) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadReplies($id: ID!, $first: Int!, $after: String, $before: String) {\n    thread(id: $id) {\n      id\n      replies(first: $first, after: $after, before: $before) {\n        nodes {\n          ...ListedReplyFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToThread($threadId: ID!, $body: String!) {\n    replyToThread(threadId: $threadId, body: $body) {\n      ...ReplyFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToThread($threadId: ID!, $body: String!) {\n    replyToThread(threadId: $threadId, body: $body) {\n      ...ReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptAnswer($replyId: ID!) {\n    acceptAnswer(replyId: $replyId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptAnswer($replyId: ID!) {\n    acceptAnswer(replyId: $replyId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnacceptAnswer($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnacceptAnswer($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n      acceptedReply {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) {\n    editQuestion(threadId: $threadId, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      tags\n      edited\n      editedAt\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) {\n    editQuestion(threadId: $threadId, input: $input) {\n      id\n      title\n      body\n      bodyHtml\n      tags\n      edited\n      editedAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditedQuestionFields on Thread {\n    id\n    title\n    body\n    bodyHtml\n    tags\n    version\n  }\n"): (typeof documents)["\n  fragment EditedQuestionFields on Thread {\n    id\n    title\n    body\n    bodyHtml\n    tags\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditReply($replyId: ID!, $input: EditReplyInput!) {\n    editReply(replyId: $replyId, input: $input) {\n      ...ReplyFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditReply($replyId: ID!, $input: EditReplyInput!) {\n    editReply(replyId: $replyId, input: $input) {\n      ...ReplyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Revisions($postType: PostType!, $postId: ID!, $after: String) {\n    revisions(postType: $postType, postId: $postId, after: $after) {\n      nodes {\n        id\n        previousTitle\n        previousBody\n        previousBodyHtml\n        createdAt\n        editor {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Revisions($postType: PostType!, $postId: ID!, $after: String) {\n    revisions(postType: $postType, postId: $postId, after: $after) {\n      nodes {\n        id\n        previousTitle\n        previousBody\n        previousBodyHtml\n        createdAt\n        editor {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadList($filter: ThreadFilter, $sort: ThreadSort!, $first: Int!, $after: String) {\n    threads(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        ...ThreadBadgesFields\n        locked\n        replyCount\n        createdAt\n        lastActivityAt\n        tags\n        author {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadList($filter: ThreadFilter, $sort: ThreadSort!, $first: Int!, $after: String) {\n    threads(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        id\n        title\n        ...ThreadBadgesFields\n        locked\n        replyCount\n        createdAt\n        lastActivityAt\n        tags\n        author {\n          id\n          username\n          isStaff\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PopularTags($first: Int!) {\n    tags(first: $first) {\n      tag\n      threadCount\n    }\n  }\n"): (typeof documents)["\n  query PopularTags($first: Int!) {\n    tags(first: $first) {\n      tag\n      threadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      recoveryCodesLeft\n      requiredForStaffTools\n    }\n  }\n"): (typeof documents)["\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      recoveryCodesLeft\n      requiredForStaffTools\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      qrCodeSvg\n      setupKey\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      qrCodeSvg\n      setupKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!, $password: String!) {\n    confirmTwoFactorEnrolment(code: $code, password: $password) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!, $password: String!) {\n    confirmTwoFactorEnrolment(code: $code, password: $password) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input) {\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n    disableTwoFactor(input: $input) {\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnownDevices {\n    knownDevices {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query KnownDevices {\n    knownDevices {\n      id\n      label\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetKnownDevice($id: ID!, $signOut: Boolean!) {\n    forgetKnownDevice(id: $id, signOut: $signOut)\n  }\n"): (typeof documents)["\n  mutation ForgetKnownDevice($id: ID!, $signOut: Boolean!) {\n    forgetKnownDevice(id: $id, signOut: $signOut)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetOtherKnownDevices($signOut: Boolean!) {\n    forgetOtherKnownDevices(signOut: $signOut)\n  }\n"): (typeof documents)["\n  mutation ForgetOtherKnownDevices($signOut: Boolean!) {\n    forgetOtherKnownDevices(signOut: $signOut)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserProfile($username: String!) {\n    user(username: $username) {\n      id\n      username\n      isStaff\n      isBot\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query UserProfile($username: String!) {\n    user(username: $username) {\n      id\n      username\n      isStaff\n      isBot\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserReplies($userId: ID!, $first: Int!, $after: String) {\n    userReplies(userId: $userId, first: $first, after: $after) {\n      nodes {\n        id\n        excerpt\n        createdAt\n        isAccepted\n        isStaffAnswer\n        hidden\n        thread {\n          id\n          title\n          hidden\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserReplies($userId: ID!, $first: Int!, $after: String) {\n    userReplies(userId: $userId, first: $first, after: $after) {\n      nodes {\n        id\n        excerpt\n        createdAt\n        isAccepted\n        isStaffAnswer\n        hidden\n        thread {\n          id\n          title\n          hidden\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      username\n      email\n      role\n      isStaff\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      username\n      email\n      role\n      isStaff\n      twoFactorEnabled\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;