import { useRoutes } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { routes } from './routes';

function Routes() {
  return useRoutes(routes);
}

/**
 * The whole app, inside a router given by the caller (BrowserRouter in the browser, MemoryRouter in
 * tests). Declarative routing rather than a data router: the data router alone is about 33 KB
 * gzip, a third of the first-load budget, for loaders and actions the app does not use.
 */
export function App() {
  return (
    <ErrorBoundary>
      <Routes />
    </ErrorBoundary>
  );
}
