import { Link } from 'react-router';

/** Shown instead of a white page when a page fails: what happened, and a way back. */
export function RouteError({ error }: { error: unknown }) {
  return (
    <main id="main" className="route-error">
      <h1>Something went wrong on this page</h1>
      <p>Your answers and progress are saved and safe. Go back to the start and carry on.</p>
      {error instanceof Error && <p className="muted">Details: {error.message}</p>}
      <Link className="button button--primary" to="/">
        Back to the start
      </Link>
    </main>
  );
}
