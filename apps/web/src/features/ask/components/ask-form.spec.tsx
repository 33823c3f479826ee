import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskQuestionDocument } from '../api/ask-documents';
import { AskForm, emptyDraft } from './ask-form';

afterEach(cleanup);

/** The ask page owns the draft; this stands in for it. */
function Page({ onPosted }: { onPosted: (threadId: string) => void }) {
  const [draft, setDraft] = useState(emptyDraft);
  return <AskForm draft={draft} onChange={setDraft} onPosted={onPosted} />;
}

function renderForm(mocks: MockLink.MockedResponse[]) {
  const onPosted = vi.fn();
  render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
      <Page onPosted={onPosted} />
    </MockedProvider>,
  );
  return { onPosted };
}

const draft = {
  title: 'I never got backup codes',
  body: 'I turned on 2FA yesterday and the page never showed codes.',
  tags: 'Backup-Codes, #totp totp',
};
const input = { title: draft.title, body: draft.body, tags: ['backup-codes', 'totp'] };

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: draft.title } });
  fireEvent.change(screen.getByLabelText('Details'), { target: { value: draft.body } });
  fireEvent.change(screen.getByLabelText('Tags (optional)'), { target: { value: draft.tags } });
  fireEvent.click(screen.getByRole('button', { name: 'Post your question' }));
}

function rejected(errors: { message: string; extensions: Record<string, unknown> }[]): MockLink.MockedResponse {
  return { request: { query: AskQuestionDocument, variables: { input } }, result: { errors } };
}

const badInput = (fields: { field: string; message: string }[]) =>
  rejected([{ message: 'Bad input', extensions: { code: 'BAD_USER_INPUT', fields } }]);

describe('AskForm', () => {
  it('posts the draft with its tags cleaned up, then hands over the new thread', async () => {
    const { onPosted } = renderForm([
      {
        request: { query: AskQuestionDocument, variables: { input } },
        result: { data: { askQuestion: { __typename: 'Thread', id: 't42', title: draft.title } } },
      },
    ]);
    fillAndSubmit();
    await vi.waitFor(() => expect(onPosted).toHaveBeenCalledWith('t42'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts each API validation message under its own field', async () => {
    const { onPosted } = renderForm([
      badInput([
        { field: 'input.title', message: 'The title needs at least 10 characters.' },
        { field: 'input.tags', message: 'At most 5 tags.' },
      ]),
    ]);
    fillAndSubmit();

    const title = screen.getByLabelText('Title');
    await vi.waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    // The message replaces the hint as the field's description, so a screen reader reads it with the field.
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The title needs at least 10 characters.',
    );
    const tags = screen.getByLabelText('Tags (optional)');
    expect(document.getElementById(tags.getAttribute('aria-describedby') ?? '')?.textContent).toBe('At most 5 tags.');
    expect(screen.getByLabelText('Details').getAttribute('aria-invalid')).toBeNull();
    // Placed under the fields, so no general banner repeats them.
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'The title needs at least 10 characters.',
      'At most 5 tags.',
    ]);
    expect(onPosted).not.toHaveBeenCalled();
  });

  it('marks the details editor when the body is rejected', async () => {
    renderForm([badInput([{ field: 'input.body', message: 'Add at least 20 characters.' }])]);
    fillAndSubmit();
    const details = screen.getByLabelText('Details');
    await vi.waitFor(() => expect(details.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(details.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Add at least 20 characters.');
  });

  it('shows above the fields a message for a field the form does not have', async () => {
    renderForm([badInput([{ field: 'input.captcha', message: 'Captcha missing.' }])]);
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe('Captcha missing.');
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a general message for errors that are not about input', async () => {
    renderForm([rejected([{ message: 'Too many questions', extensions: { code: 'RATE_LIMITED' } }])]);
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe('Too many questions');
  });

  it('clears the old messages when the question is sent again', async () => {
    const { onPosted } = renderForm([
      badInput([{ field: 'input.title', message: 'The title needs at least 10 characters.' }]),
      {
        request: { query: AskQuestionDocument, variables: { input } },
        result: { data: { askQuestion: { __typename: 'Thread', id: 't43', title: draft.title } } },
      },
    ]);
    fillAndSubmit();
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Post your question' }));
    await vi.waitFor(() => expect(onPosted).toHaveBeenCalledWith('t43'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the API limits while typing and refuses before sending, naming fields as labelled and focusing the first', async () => {
    const { onPosted } = renderForm([]);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Lost 2FA' } });
    fireEvent.change(screen.getByLabelText('Details'), { target: { value: 'help' } });
    // The minimum shows while typing, before any round trip.
    const details = screen.getByLabelText('Details');
    expect(details.getAttribute('aria-describedby')).toContain('-counter');
    expect(screen.getByText('4 of at least 20 characters')).toBeTruthy();
    expect(screen.getByText(/which devices are still signed in/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Post your question' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Title')));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Title needs at least 10 characters (8 so far).',
      'Details needs at least 20 characters (4 so far).',
    ]);
    expect(details.getAttribute('aria-invalid')).toBe('true');

    // Fixing the title moves focus to the next field still wrong on the next try, and its message goes.
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Lost my 2FA phone today' } });
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Post your question' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(details));
    expect(onPosted).not.toHaveBeenCalled();
  });

  it('keeps a paste longer than the limit whole, counts it, and refuses it instead of cutting it', async () => {
    const { onPosted } = renderForm([]);
    const details = screen.getByLabelText('Details') as HTMLTextAreaElement;
    expect(details.maxLength).toBe(-1);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: draft.title } });
    fireEvent.change(details, { target: { value: 'x'.repeat(20_345) } });
    expect(details.value).toHaveLength(20_345);
    expect(screen.getByText('20,345 / 20,000 characters: 345 too many')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Post your question' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(details));
    expect(screen.getByRole('alert').textContent).toBe('Details can have at most 20,000 characters: 345 too many.');
    expect(onPosted).not.toHaveBeenCalled();
  });

  it('shows the counter near the limit only', () => {
    renderForm([]);
    const details = screen.getByLabelText('Details');
    fireEvent.change(details, { target: { value: 'y'.repeat(500) } });
    expect(document.querySelector('.field__counter')).toBeNull();
    fireEvent.change(details, { target: { value: 'y'.repeat(18_500) } });
    expect(screen.getByText('18,500 / 20,000 characters')).toBeTruthy();
  });

  it("names the API's own field messages as the form labels them, and focuses that field", async () => {
    renderForm([badInput([{ field: 'input.body', message: 'body must be 20 to 20000 characters' }])]);
    fillAndSubmit();
    const details = screen.getByLabelText('Details');
    // Marked, told and focused once the answer is in (focus moves after the render that marks the field).
    await vi.waitFor(() => {
      expect(details.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByRole('alert').textContent).toBe('Details must be 20 to 20000 characters');
      expect(document.activeElement).toBe(details);
    });
  });
});

describe('AskForm and secrets', () => {
  it('explains a setup key while it is typed and will not post until it is removed', () => {
    renderForm([]);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'My codes are always wrong' } });
    fireEvent.change(screen.getByLabelText('Details'), {
      target: { value: 'The key it showed was MFRGG43FMZ2XEZLTORSW4Y3PNRSGC3TF, typed by hand.' },
    });
    expect(screen.getByRole('alert').textContent).toContain('two-factor setup key');
    expect(screen.getByRole('alert').textContent).toContain('turn two-factor off and on again');
    expect(screen.getByRole('button', { name: 'Post your question' })).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByLabelText('Details'), { target: { value: 'The key it showed was typed by hand, code 482913 refused.' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Post your question' })).toHaveProperty('disabled', false);
  });
});
