import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { shippedBankSources } from './app/bank-sources';
import { preloadRoute } from './app/routes';
import { useBanksStore } from './state/banks-store';
import './ui/styles.css';

// The page's own code first: it is small, and what it shows without the banks shows sooner when
// the bank files (a megabyte) do not compete with it. A page that fails to load here is loaded
// again, and its failure shown, when it renders.
await preloadRoute(location.pathname).catch(() => undefined);
useBanksStore.getState().loadAll(shippedBankSources());

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
}
