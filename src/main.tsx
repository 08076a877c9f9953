import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { shippedBankSources } from './app/bank-sources';
import { preloadRoute } from './app/routes';
import { checkInWorker } from './app/check-in-worker';
import { yieldToEventLoop } from './engine/yield-to-event-loop';
import { useBanksStore } from './state/banks-store';
import './ui/styles.css';

// The banks are known at once (pages show them as loading), but fetched and checked, in a worker,
// only once React is at work on the page: a megabyte of questions must not hold back its paint.
const bankSources = shippedBankSources();
useBanksStore.setState({ sources: bankSources });

function start() {
  const root = document.getElementById('root');
  if (root !== null) {
    // As a transition, so React renders in slices of a few milliseconds: the first render of a
    // page is the longest piece of work the app does, and done at once it would hold the main
    // thread (and a tap on the page) for a long task on a phone.
    const app = createRoot(root);
    startTransition(() =>
      app.render(
        <StrictMode>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </StrictMode>,
      ),
    );
  }
  // After the next frame: a timeout queued from an animation frame runs once that frame is out.
  requestAnimationFrame(() =>
    setTimeout(() => useBanksStore.getState().loadAll(bankSources, checkInWorker)),
  );
}

// Each step in a task of its own, so that none is a long task on a phone: the app's code has just
// run; then the page's own code is found (and fetched, for a lazy page) so that it renders at once;
// then React starts. A page that fails to load here is loaded again, and its failure shown, when
// it renders. Not a top-level await: the page's code imports this module's chunk, which must have
// finished running first.
void yieldToEventLoop()
  .then(() => preloadRoute(location.pathname))
  .catch(() => undefined)
  .then(yieldToEventLoop)
  .then(start);
