import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkBotAnswerHelpfulDocument, MarkBotAnswerUnhelpfulDocument, VoteBotAnswerUsefulDocument } from '../api/bot-documents';
import { BotAnswerFooter } from './bot-answer-footer';
import type { BotSuggestionDetails, ThreadSettled } from './use-bot-suggestion';

afterEach(cleanup);

function suggestionWith(overrides: Partial<BotSuggestionDetails> = {}): BotSuggestionDetails {
  return {
    id: 's1',
    threadId: 't1',
    status: 'ANSWERED',
    confidence: 0.9,
    folded: false,
    usefulVotes: 0,
    replyId: 'r1',
    feedback: null,
    createdAt: '2024-06-15T12:00:00.000Z',
    decidedAt: null,
    clarify: null,
    answer: { id: 'a1', slug: 'lost-backup-codes', title: 'Lost backup codes' },
    ...overrides,
  };
}

/** The mutation's answer, as the API sends it (with __typename, which the cache asks for). */
function returned(overrides: Partial<BotSuggestionDetails>) {
  const suggestion = suggestionWith(overrides);
  return {
    __typename: 'BotSuggestion',
    ...suggestion,
    answer: suggestion.answer && { __typename: 'CanonicalAnswer', ...suggestion.answer },
  };
}

interface Setup {
  suggestion?: Partial<BotSuggestionDetails>;
  isAsker?: boolean;
  signedIn?: boolean;
  settled?: ThreadSettled;
  mocks?: MockLink.MockedResponse[];
}

function renderFooter({ suggestion, isAsker = false, signedIn = true, settled = null, mocks = [] }: Setup = {}) {
  const onDecided = vi.fn();
  render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
      <BotAnswerFooter
        suggestion={suggestionWith(suggestion)}
        isAsker={isAsker}
        signedIn={signedIn}
        settled={settled}
        onDecided={onDecided}
      />
    </MockedProvider>,
  );
  return { onDecided };
}

const verdictQuestion = () => screen.queryByRole('group', { name: 'Did this solve it?' });
const voteButton = () => screen.queryByRole('button', { name: 'This was useful to me' });

describe('BotAnswerFooter for the asker', () => {
  it.each(['ANSWERED', 'CONFIRMED_BY_STAFF', 'CORRECTED'] as const)(
    'asks “Did this solve it?” while a %s answer awaits a verdict',
    (status) => {
      renderFooter({ isAsker: true, suggestion: { status } });
      expect(verdictQuestion()).not.toBeNull();
      expect(screen.getByRole('button', { name: 'Yes, this solved it' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'No, I still need help' })).toBeTruthy();
      // The asker does not vote on their own answer.
      expect(voteButton()).toBeNull();
    },
  );

  it.each(['CLARIFYING', 'PENDING_REVIEW', 'NO_MATCH', 'DISMISSED', 'CONFIRMED_BY_ASKER', 'UNHELPFUL'] as const)(
    'does not ask when the suggestion is %s',
    (status) => {
      renderFooter({ isAsker: true, suggestion: { status } });
      expect(verdictQuestion()).toBeNull();
    },
  );

  it('does not ask again once the asker has answered, and says what they answered', () => {
    renderFooter({ isAsker: true, suggestion: { status: 'CONFIRMED_BY_ASKER', feedback: 'HELPFUL' } });
    expect(verdictQuestion()).toBeNull();
    expect(screen.getByText('You said this solved it. Glad it helped!')).toBeTruthy();
  });

  it('does not ask again after staff corrected an answer the asker already turned down', () => {
    renderFooter({ isAsker: true, suggestion: { status: 'CORRECTED', feedback: 'UNHELPFUL' } });
    expect(verdictQuestion()).toBeNull();
  });

  it('thanks the asker who said it did not help', () => {
    renderFooter({ isAsker: true, suggestion: { status: 'UNHELPFUL', feedback: 'UNHELPFUL' } });
    expect(screen.getByText('Thanks for telling us. A staff member will take a look and reply here.')).toBeTruthy();
  });

  it('records “Yes” for this thread, then lets the page show the accepted answer', async () => {
    const result = vi.fn(() => ({ data: { markBotAnswerHelpful: returned({ status: 'CONFIRMED_BY_ASKER', feedback: 'HELPFUL' }) } }));
    const { onDecided } = renderFooter({
      isAsker: true,
      mocks: [{ request: { query: MarkBotAnswerHelpfulDocument, variables: { threadId: 't1' } }, result }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, this solved it' }));
    // While one answer is being sent, the other cannot be pressed.
    expect((screen.getByRole('button', { name: 'No, I still need help' }) as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalledTimes(1));
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('records “No” for this thread', async () => {
    const result = vi.fn(() => ({ data: { markBotAnswerUnhelpful: returned({ status: 'UNHELPFUL', feedback: 'UNHELPFUL' }) } }));
    const { onDecided } = renderFooter({
      isAsker: true,
      mocks: [{ request: { query: MarkBotAnswerUnhelpfulDocument, variables: { threadId: 't1' } }, result }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'No, I still need help' }));
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalledTimes(1));
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('shows why the verdict failed and does not move the page on', async () => {
    const { onDecided } = renderFooter({
      isAsker: true,
      mocks: [
        {
          request: { query: MarkBotAnswerHelpfulDocument, variables: { threadId: 't1' } },
          result: { errors: [{ message: 'Only the asker can do that.', extensions: { code: 'FORBIDDEN' } }] },
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, this solved it' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You do not have permission to do that.');
    expect(onDecided).not.toHaveBeenCalled();
    // The asker can try again.
    expect((screen.getByRole('button', { name: 'Yes, this solved it' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('BotAnswerFooter for other readers (staff included)', () => {
  it('never asks for the verdict', () => {
    renderFooter({ isAsker: false, suggestion: { status: 'ANSWERED' } });
    expect(verdictQuestion()).toBeNull();
  });

  it('offers a signed-in reader the useful vote, with the count so far', () => {
    renderFooter({ suggestion: { usefulVotes: 1 } });
    expect(voteButton()).not.toBeNull();
    expect(screen.getByText('1 reader found this useful')).toBeTruthy();
    cleanup();
    renderFooter({ suggestion: { usefulVotes: 3 } });
    expect(screen.getByText('3 readers found this useful')).toBeTruthy();
    cleanup();
    renderFooter({ suggestion: { usefulVotes: 0 } });
    expect(screen.queryByText(/found this useful/)).toBeNull();
  });

  it('offers no vote to signed-out readers', () => {
    renderFooter({ signedIn: false });
    expect(voteButton()).toBeNull();
  });

  it('reports the asker’s verdict in the third person', () => {
    renderFooter({ suggestion: { status: 'CONFIRMED_BY_ASKER', feedback: 'HELPFUL' } });
    expect(screen.getByText('The person who asked said this solved it.')).toBeTruthy();
    expect(voteButton()).not.toBeNull();
  });

  it('offers no vote on a locked thread, and still shows the count', () => {
    renderFooter({ settled: 'locked', suggestion: { usefulVotes: 2 } });
    expect(voteButton()).toBeNull();
    expect(screen.getByText('2 readers found this useful')).toBeTruthy();
  });

  it('offers no vote on an answer the asker said did not help', () => {
    renderFooter({ suggestion: { status: 'UNHELPFUL', feedback: 'UNHELPFUL' } });
    expect(screen.getByText('The person who asked said this did not solve it. Staff will take a look.')).toBeTruthy();
    expect(voteButton()).toBeNull();
  });

  it('votes once, then says thanks and cannot vote again', async () => {
    const result = vi.fn(() => ({ data: { voteBotAnswerUseful: returned({ usefulVotes: 1 }) } }));
    renderFooter({ mocks: [{ request: { query: VoteBotAnswerUsefulDocument, variables: { threadId: 't1' } }, result }] });
    fireEvent.click(screen.getByRole('button', { name: 'This was useful to me' }));
    const thanks = await screen.findByRole('button', { name: 'Thanks!' });
    expect((thanks as HTMLButtonElement).disabled).toBe(true);
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('keeps the vote button when the vote fails, and says why', async () => {
    renderFooter({
      mocks: [
        {
          request: { query: VoteBotAnswerUsefulDocument, variables: { threadId: 't1' } },
          result: { errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED' } }] },
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'This was useful to me' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Slow down');
    expect((voteButton() as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('BotAnswerFooter follows the thread', () => {
  it.each([
    ['accepted', 'An answer has been accepted.'],
    ['locked', 'This thread is locked.'],
  ] as const)('stops asking the asker once the thread is %s, and says so', (settled, sentence) => {
    renderFooter({ isAsker: true, settled });
    expect(verdictQuestion()).toBeNull();
    expect(screen.getByText(sentence)).toBeTruthy();
  });

  it('after a staff reply says so, and still lets the asker tell the bot', () => {
    renderFooter({ isAsker: true, settled: 'staff-replied' });
    expect(screen.getByText('A staff member has replied below.')).toBeTruthy();
    expect(verdictQuestion()).not.toBeNull();
  });

  it('no longer promises a staff look once staff replied', () => {
    renderFooter({ isAsker: true, settled: 'staff-replied', suggestion: { status: 'UNHELPFUL', feedback: 'UNHELPFUL', folded: true } });
    expect(screen.getByText('Thanks for telling us. A staff member has replied below.')).toBeTruthy();
    expect(screen.queryByText(/will take a look/)).toBeNull();
  });

  it('tells readers an unhelpful answer was followed by a lock', () => {
    renderFooter({ settled: 'locked', suggestion: { status: 'UNHELPFUL', feedback: 'UNHELPFUL', folded: true } });
    expect(screen.getByText('The person who asked said this did not solve it. This thread is locked.')).toBeTruthy();
  });
});
