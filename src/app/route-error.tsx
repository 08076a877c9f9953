import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown instead of a white page when a page fails: what happened, and a way back. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="route-error">
      <h1>{notFound ? 'Page not found' : 'Something went wrong on this page'}</h1>
      <p>
        {notFound
          ? 'There is no page at this address.'
          : 'Your answers and progress are saved and safe. Go back to the start and carry on.'}
      </p>
      {!notFound && error instanceof Error && <p className="muted">Details: {error.message}</p>}
      <Link className="button button--primary" to="/">
        Back to the start
      </Link>
    </main>
  );
}
