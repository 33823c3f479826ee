import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreviewMarkdownQueryVariables } from '../gql/graphql';
import { MarkdownEditor } from './markdown-editor';
import { PreviewMarkdownDocument } from './markdown-preview';

afterEach(cleanup);

/** A stand-in for the server's renderer: the test only cares that its HTML is what the Preview shows. */
const serverHtml = (body: string) => `<p><strong>server:</strong> ${body.replace(/\n/g, ' ')}</p>\n`;

/** Answers every PreviewMarkdown request like the server would, and records the bodies it was asked about. */
function previewMock(delay = 0) {
  const result = vi.fn((variables: PreviewMarkdownQueryVariables) => ({ data: { previewMarkdown: serverHtml(variables.body) } }));
  const mock: MockLink.MockedResponse = {
    request: { query: PreviewMarkdownDocument, variables: () => true },
    result,
    delay,
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { mock, result };
}

function Providers({ mocks, children }: { mocks: MockLink.MockedResponse[]; children: ReactNode }) {
  return (
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 0 }}>
      {children}
    </MockedProvider>
  );
}

function Editor({ initial = '', error, hint }: { initial?: string; error?: string; hint?: string }) {
  const [value, setValue] = useState(initial);
  return <MarkdownEditor label="Details" value={value} onChange={setValue} error={error} hint={hint} />;
}

function renderEditor(props: { initial?: string; error?: string; hint?: string } = {}, mocks: MockLink.MockedResponse[] = []) {
  return render(
    <Providers mocks={mocks}>
      <Editor {...props} />
    </Providers>,
  );
}

const tab = (name: 'Write' | 'Preview') => screen.getByRole('tab', { name });
const preview = () => screen.getByLabelText('Details preview');

describe('MarkdownEditor', () => {
  it('goes back to Write when a new message for the text comes, so that the text can take the focus', () => {
    const { mock } = previewMock();
    const editor = (error?: string) => (
      <Providers mocks={[mock]}>
        <MarkdownEditor label="Details" value="Some text" onChange={() => undefined} error={error} />
      </Providers>
    );
    const { rerender } = render(editor());
    fireEvent.click(tab('Preview'));
    expect(tab('Preview').getAttribute('aria-selected')).toBe('true');
    rerender(editor('Details must be at most 20000 characters'));
    expect(tab('Write').getAttribute('aria-selected')).toBe('true');
    expect((screen.getByLabelText('Details').closest('[role=tabpanel]') as HTMLElement).hidden).toBe(false);
    // The message stays: Preview can be opened again.
    fireEvent.click(tab('Preview'));
    expect(tab('Preview').getAttribute('aria-selected')).toBe('true');
  });

  it('starts on Write and asks the server for nothing until Preview is opened', () => {
    const { mock, result } = previewMock();
    renderEditor({}, [mock]);
    expect(tab('Write').getAttribute('aria-selected')).toBe('true');
    expect(preview().hidden).toBe(true);
    fireEvent.change(screen.getByLabelText('Details'), { target: { value: 'Step 1\n**Step 2**' } });
    expect(result).not.toHaveBeenCalled();
  });

  it('shows the HTML the server rendered for the text, with a loading state first', async () => {
    const { mock, result } = previewMock(20);
    renderEditor({}, [mock]);
    fireEvent.change(screen.getByLabelText('Details'), { target: { value: 'Step 1\n**Step 2**' } });
    fireEvent.click(tab('Preview'));
    expect(tab('Preview').getAttribute('aria-selected')).toBe('true');
    expect(tab('Write').getAttribute('aria-selected')).toBe('false');
    expect(preview().hidden).toBe(false);
    expect((screen.getByLabelText('Details').closest('[role=tabpanel]') as HTMLElement).hidden).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Rendering preview…');

    await waitFor(() => expect(preview().querySelector('.prose strong')?.textContent).toBe('server:'));
    expect(preview().querySelector('.prose')?.innerHTML).toBe(serverHtml('Step 1\n**Step 2**'));
    expect(result).toHaveBeenCalledTimes(1);
    expect(result).toHaveBeenCalledWith({ body: 'Step 1\n**Step 2**' });
  });

  it('asks again when the text changed while the preview was closed, and keeps the text', async () => {
    const { mock, result } = previewMock();
    renderEditor({ initial: 'My phone broke' }, [mock]);
    fireEvent.click(tab('Preview'));
    await waitFor(() => expect(preview().textContent).toContain('My phone broke'));
    fireEvent.click(tab('Write'));
    expect(preview().hidden).toBe(true);
    const textarea = screen.getByLabelText('Details') as HTMLTextAreaElement;
    expect(textarea.value).toBe('My phone broke');

    fireEvent.change(textarea, { target: { value: 'My phone broke and I lost my codes' } });
    fireEvent.click(tab('Preview'));
    await waitFor(() => expect(preview().textContent).toContain('My phone broke and I lost my codes'));
    expect(result.mock.calls.map(([variables]) => variables.body)).toEqual(['My phone broke', 'My phone broke and I lost my codes']);
  });

  it('follows text that changes while the preview is open', async () => {
    const { mock, result } = previewMock();
    const editor = (value: string) => (
      <Providers mocks={[mock]}>
        <MarkdownEditor label="Details" value={value} onChange={() => undefined} />
      </Providers>
    );
    const view = render(editor('first draft'));
    fireEvent.click(tab('Preview'));
    await waitFor(() => expect(preview().textContent).toContain('first draft'));
    view.rerender(editor('second draft'));
    await waitFor(() => expect(preview().textContent).toContain('second draft'));
    expect(result).toHaveBeenCalledTimes(2);
  });

  it('says what went wrong when the server refuses, and can try again', async () => {
    let calls = 0;
    const mock: MockLink.MockedResponse = {
      request: { query: PreviewMarkdownDocument, variables: () => true },
      result: () => {
        calls++;
        if (calls === 1) {
          return {
            errors: [
              new GraphQLError('body must be at most 20000 characters', {
                extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'body', message: 'body must be at most 20000 characters' }] },
              }),
            ],
          };
        }
        return { data: { previewMarkdown: '<p>fine now</p>' } };
      },
      maxUsageCount: 2,
    };
    renderEditor({ initial: 'too long, pretend' }, [mock]);
    fireEvent.click(tab('Preview'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Body must be at most 20000 characters');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(preview().querySelector('.prose')?.innerHTML).toBe('<p>fine now</p>'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says there is nothing to preview for blank text, without asking the server', () => {
    const { mock, result } = previewMock();
    renderEditor({ initial: '  \n ' }, [mock]);
    fireEvent.click(tab('Preview'));
    expect(screen.getByText('Nothing to preview yet.')).toBeTruthy();
    expect(result).not.toHaveBeenCalled();
  });

  it('describes the textarea by its error instead of its hint', () => {
    renderEditor({ hint: 'At least 20 characters.', error: 'Too short.' });
    const textarea = screen.getByLabelText('Details');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(textarea.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Too short.');
    expect(screen.queryByText('At least 20 characters.')).toBeNull();
    cleanup();
    renderEditor({ hint: 'At least 20 characters.' });
    const calm = screen.getByLabelText('Details');
    expect(calm.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(calm.getAttribute('aria-describedby') ?? '')?.textContent).toBe('At least 20 characters.');
  });
});
