import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { shippedBankSources } from './app/bank-sources';
import { routes } from './app/routes';
import { useBanksStore } from './state/banks-store';
import './ui/styles.css';

useBanksStore.getState().loadAll(shippedBankSources());

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={createBrowserRouter(routes)} />
    </StrictMode>,
  );
}
