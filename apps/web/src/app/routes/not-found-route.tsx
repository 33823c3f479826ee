import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useFocusOnShow } from '../../lib/use-focus-on-show';
import { usePageTitle } from '../../lib/use-page-title';
import { PageHeading } from '../../components/page-heading';

export function NotFoundRoute() {
  usePageTitle('Not found');
  return (
    <section className="card">
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing at this address. <Link to="/">Back to the questions</Link>
      </p>
    </section>
  );
}

/**
 * Shown in place of the whole layout when a page fails: whatever had the focus went with it, the link or button pressed
 * too, so the heading takes the focus however the person got here (a PageHeading would only after an action).
 */
export function RouteError() {
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="site-main">
      <section className="card" role="alert">
        <h1 ref={heading} tabIndex={-1}>
          Something went wrong
        </h1>
        <p>The page could not be shown ({message}).</p>
        <p>
          <a href="/">Back to the questions</a>
        </p>
      </section>
    </main>
  );
}
