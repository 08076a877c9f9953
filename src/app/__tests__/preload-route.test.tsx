import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp, resetSavedState } from '../../test/render-app';
import { preloadRoute } from '../routes';

describe('opening the app straight on a lazy page', () => {
  beforeEach(() => resetSavedState());

  it('shows the page at once when its code was loaded first, as src/main.tsx does', async () => {
    await preloadRoute('/exam/history');
    renderApp('/exam/history');
    // No await: the page is there in the first render, with no "Loading the page" in its place.
    expect(screen.getByRole('heading', { level: 1, name: 'Past attempts' })).toBeInTheDocument();
    expect(screen.queryByText(/Loading the page/)).not.toBeInTheDocument();
  });

  it('shows "Loading the page" first for a page whose code was not loaded', async () => {
    renderApp('/review');
    expect(screen.getByText(/Loading the page/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});
