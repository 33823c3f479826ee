import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { HtmlBody } from './html-body';
import { ErrorMessage, Spinner } from './status';

export const PreviewMarkdownDocument = graphql(`
  query PreviewMarkdown($body: String!) {
    previewMarkdown(body: $body)
  }
`);

/**
 * The server renders and sanitises the preview, exactly as it will render the post: the app never renders markdown.
 * Mounted only while the Preview tab is open, so nothing is fetched while people type.
 */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(PreviewMarkdownDocument, { variables: { body: markdown } });
  if (error) return <ErrorMessage error={error} retry={() => refetch()} />;
  // Keep the last preview on screen while a newer one loads, dimmed, rather than flashing a spinner.
  const html = data?.previewMarkdown ?? previousData?.previewMarkdown;
  if (html === undefined) return <Spinner label="Rendering preview…" />;
  return (
    <div aria-busy={loading || undefined} className={loading ? 'markdown-editor__stale' : undefined}>
      <HtmlBody html={html} />
    </div>
  );
}
