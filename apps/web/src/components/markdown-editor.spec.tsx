import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownEditor } from './markdown-editor';

afterEach(cleanup);

function Editor({ initial = '', error, hint }: { initial?: string; error?: string; hint?: string }) {
  const [value, setValue] = useState(initial);
  return <MarkdownEditor label="Details" value={value} onChange={setValue} error={error} hint={hint} />;
}

const tab = (name: 'Write' | 'Preview') => screen.getByRole('tab', { name });
const preview = () => screen.getByLabelText('Details preview');

describe('MarkdownEditor', () => {
  it('starts on Write, and Preview shows the text as typed, line breaks kept', () => {
    render(<Editor />);
    expect(tab('Write').getAttribute('aria-selected')).toBe('true');
    expect(preview().hidden).toBe(true);

    fireEvent.change(screen.getByLabelText('Details'), { target: { value: 'Step 1\n**Step 2**' } });
    fireEvent.click(tab('Preview'));
    expect(tab('Preview').getAttribute('aria-selected')).toBe('true');
    expect(tab('Write').getAttribute('aria-selected')).toBe('false');
    expect(preview().hidden).toBe(false);
    expect((screen.getByLabelText('Details').closest('[role=tabpanel]') as HTMLElement).hidden).toBe(true);
    expect(preview().querySelector('.markdown-editor__raw')?.textContent).toBe('Step 1\n**Step 2**');
  });

  it('keeps the text when going back to Write', () => {
    render(<Editor initial="My phone broke" />);
    fireEvent.click(tab('Preview'));
    fireEvent.click(tab('Write'));
    expect((screen.getByLabelText('Details') as HTMLTextAreaElement).value).toBe('My phone broke');
    expect(preview().hidden).toBe(true);
  });

  it('says there is nothing to preview for blank text', () => {
    render(<Editor initial={'  \n '} />);
    fireEvent.click(tab('Preview'));
    expect(screen.getByText('Nothing to preview yet.')).toBeTruthy();
  });

  it('describes the textarea by its error instead of its hint', () => {
    render(<Editor hint="At least 20 characters." error="Too short." />);
    const textarea = screen.getByLabelText('Details');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(textarea.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Too short.');
    expect(screen.queryByText('At least 20 characters.')).toBeNull();
    cleanup();
    render(<Editor hint="At least 20 characters." />);
    const calm = screen.getByLabelText('Details');
    expect(calm.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(calm.getAttribute('aria-describedby') ?? '')?.textContent).toBe('At least 20 characters.');
  });
});
