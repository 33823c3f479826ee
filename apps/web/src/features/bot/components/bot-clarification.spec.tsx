import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChooseClarificationDocument } from '../api/bot-documents';
import { BotClarification } from './bot-clarification';
import type { BotSuggestionDetails, ThreadSettled } from './use-bot-suggestion';

afterEach(cleanup);

const question = 'Did you lose your phone, or did you never get backup codes?';

function clarifying(overrides: Partial<BotSuggestionDetails> = {}): BotSuggestionDetails {
  return {
    id: 's1',
    threadId: 't1',
    status: 'CLARIFYING',
    confidence: 0.5,
    folded: false,
    usefulVotes: 0,
    replyId: null,
    feedback: null,
    createdAt: '2024-06-15T12:00:00.000Z',
    decidedAt: null,
    clarify: {
      question,
      choices: [
        { slug: 'lost-phone', label: 'I lost my phone' },
        { slug: 'no-backup-codes', label: 'I never got backup codes' },
      ],
    },
    answer: null,
    ...overrides,
  };
}

function renderClarification(
  props: { suggestion?: BotSuggestionDetails; isAsker?: boolean; inReply?: boolean; settled?: ThreadSettled },
  mocks: MockLink.MockedResponse[] = [],
) {
  return render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
      <BotClarification
        suggestion={props.suggestion ?? clarifying()}
        isAsker={props.isAsker ?? true}
        inReply={props.inReply}
        settled={props.settled}
      />
    </MockedProvider>,
  );
}

const choice = (label: string) => screen.getByRole('button', { name: label }) as HTMLButtonElement;

describe('BotClarification', () => {
  it('gives the asker one button per choice, grouped under the question', () => {
    renderClarification({ isAsker: true });
    const group = screen.getByRole('group', { name: question });
    expect([...group.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'I lost my phone',
      'I never got backup codes',
    ]);
  });

  it('shows other readers the question and a note, with nothing to press', () => {
    renderClarification({ isAsker: false });
    expect(screen.getByText(question)).toBeTruthy();
    expect(screen.getByText('The bot is waiting for the person who asked to choose; then it answers.')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it.each([
    ['staff-replied', 'A staff member has replied below.'],
    ['accepted', 'An answer has been accepted.'],
    ['locked', 'This thread is locked.'],
  ] as const)('stops waiting for a choice once the thread is settled (%s), for the asker and everyone else', (settled, sentence) => {
    for (const isAsker of [true, false]) {
      const { unmount } = renderClarification({ isAsker, settled });
      expect(screen.getByText(`${sentence} The bot no longer waits for a choice.`)).toBeTruthy();
      expect(screen.queryByText(/waiting for the person who asked/)).toBeNull();
      expect(screen.queryAllByRole('button')).toHaveLength(0);
      unmount();
    }
  });

  it('shows nothing once the bot is past the question, or when there is no question', () => {
    const { container, rerender } = renderClarification({ suggestion: clarifying({ status: 'ANSWERED' }) });
    expect(container.textContent).toBe('');
    rerender(
      <MockedProvider mocks={[]}>
        <BotClarification suggestion={clarifying({ clarify: null })} isAsker />
      </MockedProvider>,
    );
    expect(container.textContent).toBe('');
  });

  it('under the bot’s own reply, prompts the asker without repeating the bot’s byline', () => {
    renderClarification({ isAsker: true, inReply: true });
    expect(screen.getByText('Choose the one that fits:')).toBeTruthy();
    expect(screen.queryByText('FAQ bot')).toBeNull();
    cleanup();
    renderClarification({ isAsker: true, inReply: false });
    expect(screen.queryByText('Choose the one that fits:')).toBeNull();
    expect(screen.getByText('FAQ bot')).toBeTruthy();
  });

  it('sends the chosen slug for this thread, and locks every choice meanwhile', async () => {
    const result = vi.fn(() => ({
      data: {
        chooseClarification: {
          __typename: 'BotSuggestion' as const,
          ...clarifying({ status: 'ANSWERED', clarify: null }),
        },
      },
    }));
    renderClarification({ isAsker: true }, [
      { request: { query: ChooseClarificationDocument, variables: { threadId: 't1', slug: 'no-backup-codes' } }, result, delay: 20 },
    ]);
    fireEvent.click(choice('I never got backup codes'));
    await vi.waitFor(() => expect(choice('I lost my phone').disabled).toBe(true));
    expect(choice('I never got backup codes').getAttribute('aria-busy')).toBe('true');
    expect(choice('I lost my phone').getAttribute('aria-busy')).toBeNull();
    await vi.waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('says why the choice failed and lets the asker choose again', async () => {
    renderClarification({ isAsker: true }, [
      {
        request: { query: ChooseClarificationDocument, variables: { threadId: 't1', slug: 'lost-phone' } },
        result: { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] },
      },
    ]);
    fireEvent.click(choice('I lost my phone'));
    expect((await screen.findByRole('alert')).textContent).toBe('Please sign in to do that.');
    expect(choice('I lost my phone').disabled).toBe(false);
    expect(choice('I lost my phone').getAttribute('aria-busy')).toBeNull();
  });
});
