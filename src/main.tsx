import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { shippedBankSources } from './app/bank-sources';
import { preloadRoute } from './app/routes';
import { validateInWorker } from './app/validate-in-worker';
import { useBanksStore } from './state/banks-store';
import './ui/styles.css';

// The banks are known at once (pages show them as loading), but fetched and validated only once
// the page is on screen: a megabyte of questions would otherwise hold back the first paint.
const bankSources = shippedBankSources();
useBanksStore.setState({ sources: bankSources });

function start() {
  const root = document.getElementById('root');
  if (root !== null) {
    // Rendered now rather than in a later task, so the next frame shows the page.
    flushSync(() =>
      createRoot(root).render(
        <StrictMode>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </StrictMode>,
      ),
    );
  }
  // A timeout queued from an animation frame runs after that frame, with the page, is painted.
  requestAnimationFrame(() =>
    setTimeout(() => useBanksStore.getState().loadAll(bankSources, validateInWorker)),
  );
}

// The page's own code first, so that it renders at once. A page that fails to load here is loaded
// again, and its failure shown, when it renders. Not a top-level await: the page's code imports
// this module's chunk, which must have finished running first.
void preloadRoute(location.pathname)
  .catch(() => undefined)
  .then(start);
