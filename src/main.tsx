import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { shippedBankSources } from './app/bank-sources';
import { useBanksStore } from './state/banks-store';
import './ui/styles.css';

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
