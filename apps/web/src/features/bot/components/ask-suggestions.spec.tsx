import { typedBodyMatched } from '#post-limits';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuggestAnswersQuery, SuggestAnswersQueryVariables } from '../../../gql/graphql';
import { RecordDeflectionDocument, SuggestAnswersDocument } from '../api/bot-documents';
import { AskSuggestions } from './ask-suggestions';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

type Suggestions = SuggestAnswersQuery['suggestAnswers'];

const lostPhone = { slug: 'lost-phone', title: 'I lost the phone with my authenticator', excerpt: 'Use a backup code…', confidence: 0.6 };
const noCodes = { slug: 'no-backup-codes', title: 'I never saved backup codes', excerpt: 'Staff can verify you…', confidence: 0.55 };

function suggestions(overrides: Partial<Suggestions> = {}) {
  const value: Suggestions = { answers: [lostPhone, noCodes], threads: [], clarify: null, ...overrides };
  return {
    suggestAnswers: {
      __typename: 'SuggestAnswersResult',
      answers: value.answers.map((answer) => ({ __typename: 'SuggestedAnswer', ...answer })),
      threads: value.threads.map((thread) => ({ __typename: 'SimilarThreadSuggestion', ...thread })),
      clarify: value.clarify && {
        __typename: 'BotClarification',
        question: value.clarify.question,
        choices: value.clarify.choices.map((choice) => ({ __typename: 'BotClarificationChoice', ...choice })),
      },
    },
  };
}

/** Answers every SuggestAnswers request with `data`, and records the variables it was asked with. */
function suggestMock(data: ReturnType<typeof suggestions>, delay = 0) {
  const result = vi.fn((_variables: SuggestAnswersQueryVariables) => ({ data }));
  const mock: MockLink.MockedResponse = {
    request: { query: SuggestAnswersDocument, variables: () => true },
    result,
    delay,
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { mock, result };
}

function Providers({ mocks, children }: { mocks: MockLink.MockedResponse[]; children: ReactNode }) {
  return (
    <MemoryRouter>
      <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
        {children}
      </MockedProvider>
    </MemoryRouter>
  );
}

function renderSuggestions(draft: { title: string; body: string }, mocks: MockLink.MockedResponse[], onSolved = vi.fn()) {
  const view = render(
    <Providers mocks={mocks}>
      <AskSuggestions title={draft.title} body={draft.body} onSolved={onSolved} />
    </Providers>,
  );
  return {
    onSolved,
    type: (next: { title: string; body: string }) =>
      view.rerender(
        <Providers mocks={mocks}>
          <AskSuggestions title={next.title} body={next.body} onSolved={onSolved} />
        </Providers>,
      ),
  };
}

const hint = () => screen.queryByText('Start typing your question: answers that may already solve it appear here.');
const answerTitles = () =>
  screen.queryAllByRole('listitem').map((item) => item.querySelector('.suggested-answer__title')?.textContent ?? null);

describe('AskSuggestions: when it asks the server', () => {
  it('waits until typing has paused for 300 ms, then asks once with the trimmed draft', async () => {
    vi.useFakeTimers();
    const { mock, result } = suggestMock(suggestions());
    const { type } = renderSuggestions({ title: '', body: '' }, [mock]);
    expect(hint()).not.toBeNull();

    type({ title: 'lost backup', body: '' });
    await act(() => vi.advanceTimersByTimeAsync(299));
    type({ title: '  lost backup codes ', body: ' and my phone\n' });
    await act(() => vi.advanceTimersByTimeAsync(299));
    // Still typing: each keystroke restarts the wait, so nothing was asked yet.
    expect(result).not.toHaveBeenCalled();
    expect(hint()).not.toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(1));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result).toHaveBeenCalledTimes(1);
    expect(result).toHaveBeenCalledWith({ title: 'lost backup codes', body: 'and my phone' });
    expect(answerTitles()).toEqual([lostPhone.title, noCodes.title]);
  });

  it('does not ask about fewer than 8 characters, spaces not counted', () => {
    const { mock, result } = suggestMock(suggestions());
    renderSuggestions({ title: '  abc ', body: ' defg  ' }, [mock]);
    expect(hint()).not.toBeNull();
    expect(result).not.toHaveBeenCalled();
  });

  it('asks from 8 characters, title and details together', async () => {
    const { mock, result } = suggestMock(suggestions());
    renderSuggestions({ title: 'abcd', body: 'efgh' }, [mock]);
    expect(hint()).toBeNull();
    expect(await screen.findByText(lostPhone.title)).toBeTruthy();
    expect(result).toHaveBeenCalledWith({ title: 'abcd', body: 'efgh' });
  });

  it('sends at most 200 characters of title and the part of the details that suggestions read', async () => {
    const { mock, result } = suggestMock(suggestions());
    renderSuggestions({ title: 't'.repeat(250), body: 'b'.repeat(20_050) }, [mock]);
    await screen.findByText(lostPhone.title);
    expect(result).toHaveBeenCalledWith({ title: 't'.repeat(200), body: 'b'.repeat(typedBodyMatched) });
  });

  it('keeps showing the last answers while it asks about the new draft', async () => {
    vi.useFakeTimers();
    const first = suggestions({ answers: [lostPhone] });
    const second = suggestions({ answers: [noCodes] });
    const result = vi
      .fn<(variables: SuggestAnswersQueryVariables) => { data: typeof first }>()
      .mockReturnValueOnce({ data: first })
      .mockReturnValueOnce({ data: second });
    const mock: MockLink.MockedResponse = {
      request: { query: SuggestAnswersDocument, variables: () => true },
      result,
      delay: 100,
      maxUsageCount: 2,
    };
    const { type } = renderSuggestions({ title: 'lost my phone', body: '' }, [mock]);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(answerTitles()).toEqual([lostPhone.title]);

    type({ title: 'lost my phone and codes', body: '' });
    await act(() => vi.advanceTimersByTimeAsync(300 + 50));
    // Asked, not answered yet (the mock answers 100 ms after the request).
    expect(screen.getByRole('complementary', { name: 'Possible answers' }).getAttribute('aria-busy')).toBe('true');
    expect(answerTitles()).toEqual([lostPhone.title]);
    expect(screen.queryByText('Looking for answers…')).toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(answerTitles()).toEqual([noCodes.title]);
    expect(result).toHaveBeenLastCalledWith({ title: 'lost my phone and codes', body: '' });
  });
});

describe('AskSuggestions: what it shows', () => {
  it('moves the answer for the chosen clarification first', async () => {
    const { mock } = suggestMock(
      suggestions({
        clarify: {
          question: 'What happened?',
          choices: [
            { slug: 'lost-phone', label: 'Lost my phone' },
            { slug: 'no-backup-codes', label: 'No backup codes' },
          ],
        },
      }),
    );
    renderSuggestions({ title: 'I cannot sign in', body: '' }, [mock]);
    const group = await screen.findByRole('group', { name: 'What happened?' });
    expect(answerTitles()).toEqual([lostPhone.title, noCodes.title]);

    fireEvent.click(within(group).getByRole('button', { name: 'No backup codes' }));
    expect(answerTitles()).toEqual([noCodes.title, lostPhone.title]);
    expect(within(group).getByRole('button', { name: 'No backup codes' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(group).getByRole('button', { name: 'Lost my phone' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getAllByRole('listitem')[0]?.className).toContain('suggested-answer--highlighted');
  });

  it('lists similar questions, marking the solved ones', async () => {
    const { mock } = suggestMock(
      suggestions({
        answers: [],
        threads: [
          { id: '7', title: 'Codes not accepted', status: 'ANSWERED', solved: true, score: 0.8 },
          { id: '9', title: 'New phone, old codes', status: 'OPEN', solved: false, score: 0.6 },
        ],
      }),
    );
    renderSuggestions({ title: 'codes not accepted', body: '' }, [mock]);
    const solved = await screen.findByRole('link', { name: 'Codes not accepted' });
    expect(solved.getAttribute('href')).toBe('/t/7');
    expect(solved.closest('li')?.textContent).toContain('✓ Solved');
    expect(screen.getByRole('link', { name: 'New phone, old codes' }).closest('li')?.textContent).not.toContain('Solved');
  });

  it('asks for more details when nothing matches', async () => {
    const { mock } = suggestMock(suggestions({ answers: [], threads: [] }));
    renderSuggestions({ title: 'something odd happened', body: '' }, [mock]);
    expect(await screen.findByText(/No matching answers yet/)).toBeTruthy();
  });

  it('records the deflection, then ends the draft with the answer that solved it', async () => {
    const { mock } = suggestMock(suggestions());
    const deflection = vi.fn(() => ({ data: { recordDeflection: true } }));
    const { onSolved } = renderSuggestions({ title: 'I lost my phone', body: '' }, [
      mock,
      { request: { query: RecordDeflectionDocument, variables: { slug: 'no-backup-codes' } }, result: deflection },
    ]);
    const item = (await screen.findByText(noCodes.title)).closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'This solves my problem' }));
    await vi.waitFor(() => expect(onSolved).toHaveBeenCalledTimes(1));
    expect(deflection).toHaveBeenCalledTimes(1);
    expect(onSolved).toHaveBeenCalledWith(expect.objectContaining({ slug: 'no-backup-codes', title: noCodes.title }));
  });

  it('keeps the draft when the deflection cannot be recorded', async () => {
    const { mock } = suggestMock(suggestions());
    const { onSolved } = renderSuggestions({ title: 'I lost my phone', body: '' }, [
      mock,
      {
        request: { query: RecordDeflectionDocument, variables: { slug: 'lost-phone' } },
        result: { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      },
    ]);
    const item = (await screen.findByText(lostPhone.title)).closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'This solves my problem' }));
    expect((await within(item).findByRole('alert')).textContent).toBe('Something went wrong on our side. Please try again.');
    expect(onSolved).not.toHaveBeenCalled();
  });
});
