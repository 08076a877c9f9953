import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReloadPrompt } from '../reload-prompt';

const sw = vi.hoisted(() => {
  const noop: (value: boolean) => void = () => undefined;
  return {
    needRefresh: false,
    offlineReady: false,
    setNeedRefresh: noop,
    setOfflineReady: noop,
    updateServiceWorker: (): Promise<void> => Promise.resolve(),
  };
});
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [sw.needRefresh, sw.setNeedRefresh],
    offlineReady: [sw.offlineReady, sw.setOfflineReady],
    updateServiceWorker: sw.updateServiceWorker,
  }),
}));

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <ReloadPrompt />
    </MemoryRouter>,
  );

describe('ReloadPrompt', () => {
  beforeEach(() => {
    Object.assign(sw, { needRefresh: false, offlineReady: false });
  });

  it('says nothing while there is nothing to say', () => {
    renderAt('/');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers a new version with Reload and Dismiss', async () => {
    sw.needRefresh = true;
    const update = vi.spyOn(sw, 'updateServiceWorker');
    const setNeedRefresh = vi.spyOn(sw, 'setNeedRefresh');
    renderAt('/practice');
    expect(screen.getByText('A new version is available.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(update).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(setNeedRefresh).toHaveBeenCalledWith(false);
  });

  it('says when the app is ready to work offline', () => {
    sw.offlineReady = true;
    renderAt('/');
    expect(screen.getByText('Ready to work offline.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
  });

  it.each(['/exam/take', '/exam/take?resume=1'])('stays hidden during an exam (%s)', (path) => {
    Object.assign(sw, { needRefresh: true, offlineReady: true });
    renderAt(path);
    expect(screen.queryByText(/new version|offline/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
