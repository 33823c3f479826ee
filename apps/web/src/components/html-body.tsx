/**
 * Post bodies arrive as HTML the server rendered from markdown and sanitized (the `xss` allow-list);
 * the web app never renders markdown itself, so this is the one place raw HTML enters the page.
 */
export function HtmlBody({ html, className }: { html: string; className?: string }) {
  return <div className={`prose${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
