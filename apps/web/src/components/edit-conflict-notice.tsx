import type { ReactNode } from 'react';
import { HtmlBody } from './html-body';
import { Notice } from './status';

/**
 * Shown when a save was refused because someone else saved the text meanwhile: their version, beside the text still
 * in the form, to merge; the form's next save starts from their version.
 */
export function EditConflictNotice({
  title,
  body,
  bodyHtml,
  children,
}: {
  title?: string;
  body: string;
  bodyHtml: string;
  children?: ReactNode;
}) {
  return (
    <Notice tone="warning">
      <p role="alert">
        Someone else saved a new version while you were editing, so your changes were not saved. Their version is below and your text is
        still in the form: merge what you need, then save again.
      </p>
      {title ? (
        <p className="edit-conflict__title">
          <strong>{title}</strong>
        </p>
      ) : null}
      <HtmlBody html={bodyHtml} />
      {children}
      <details>
        <summary>Their Markdown, to copy from</summary>
        <div className="edit-conflict__markdown">{body}</div>
      </details>
    </Notice>
  );
}
