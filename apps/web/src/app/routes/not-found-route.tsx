import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
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

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="site-main">
      <section className="card" role="alert">
        <h1>Something went wrong</h1>
        <p>The page could not be shown ({message}).</p>
        <p>
          <a href="/">Back to the questions</a>
        </p>
      </section>
    </main>
  );
}
