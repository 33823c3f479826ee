import { useId, useState } from 'react';
import { describedBy, FieldCounter } from './field';
import type { LengthCount } from './length-counter';
import { MarkdownPreview } from './markdown-preview';
import { onTabListKeyDown } from '../lib/tab-list-keys';

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  rows?: number;
  name?: string;
  autoFocus?: boolean;
  /** Lets a form move focus to the textarea. */
  id?: string;
  counter?: LengthCount | null;
}

/**
 * A textarea with a Preview tab. The preview is the HTML the server renders and sanitises for this text
 * (the `previewMarkdown` query), so it is exactly what the post will show; the app has no markdown renderer.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  rows = 8,
  name,
  autoFocus,
  id: givenId,
  counter,
}: MarkdownEditorProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  // A new message for the text shows the text, in the render that brings the message, so that the form can move the
  // focus to it (a textarea in a hidden panel cannot take it).
  const [errorShown, setErrorShown] = useState(error);
  if (error !== errorShown) {
    setErrorShown(error);
    if (error) setMode('write');
  }
  return (
    <div className={`field markdown-editor${error ? ' field--invalid' : ''}`}>
      <div className="markdown-editor__bar">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <div className="markdown-editor__tabs" role="tablist" aria-label={`${label}: write or preview`} onKeyDown={onTabListKeyDown}>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'write'}
            tabIndex={mode === 'write' ? 0 : -1}
            aria-controls={`${id}-write`}
            onClick={() => setMode('write')}
          >
            Write
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'preview'}
            tabIndex={mode === 'preview' ? 0 : -1}
            aria-controls={`${id}-preview`}
            onClick={() => setMode('preview')}
          >
            Preview
          </button>
        </div>
      </div>
      <div id={`${id}-write`} role="tabpanel" hidden={mode !== 'write'}>
        <textarea
          id={id}
          name={name}
          className="input input--area"
          value={value}
          rows={rows}
          placeholder={placeholder}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, counter)}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <div
        id={`${id}-preview`}
        role="tabpanel"
        hidden={mode !== 'preview'}
        className="markdown-editor__preview"
        aria-label={`${label} preview`}
      >
        {mode !== 'preview' ? null : value.trim() ? <MarkdownPreview markdown={value} /> : <p className="muted">Nothing to preview yet.</p>}
      </div>
      {hint && !error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <FieldCounter id={id} counter={counter} />
    </div>
  );
}
