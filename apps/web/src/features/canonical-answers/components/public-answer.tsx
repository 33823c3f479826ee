import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { HtmlBody } from '../../../components/html-body';
import { ErrorMessage, Notice, Spinner } from '../../../components/status';
import { TimeAgo } from '../../../components/time-ago';
import { isolate } from '../../../lib/bidi';
import { usePageTitle } from '../../../lib/use-page-title';
import { PublicCanonicalAnswerDocument } from '../api/canonical-answer-documents';
import { PageHeading } from '../../../components/page-heading';

export function PublicAnswer({ slug }: { slug: string }) {
  const { data, error, refetch } = useQuery(PublicCanonicalAnswerDocument, { variables: { slug } });
  usePageTitle(data?.canonicalAnswer && isolate(data.canonicalAnswer.title));
  if (error && !data) return <ErrorMessage error={error} retry={() => refetch()} />;
  if (!data) return <Spinner />;
  const answer = data.canonicalAnswer;
  if (!answer) {
    return (
      <section className="card">
        <PageHeading>Answer not found</PageHeading>
        <p>
          <Link to="/">Back to the questions</Link>
        </p>
      </section>
    );
  }
  return (
    <article className="card narrow-page stack">
      <header>
        <p className="eyebrow">
          <Badge tone="staff">Staff-reviewed answer</Badge>
        </p>
        <PageHeading>{answer.title}</PageHeading>
        <p className="muted">
          Version {answer.version}, updated <TimeAgo date={answer.updatedAt} />
        </p>
      </header>
      {answer.retired ? (
        <Notice tone="warning">This answer is retired: it may be out of date, and the bot no longer suggests it.</Notice>
      ) : null}
      <HtmlBody html={answer.bodyHtml} />
      <p className="muted">
        Still stuck? <Link to="/ask">Ask a question</Link> — staff and the community will help.
      </p>
    </article>
  );
}
