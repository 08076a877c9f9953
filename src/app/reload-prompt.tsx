import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** A page an update must never interrupt: the exam being taken. */
const isTakingExam = (pathname: string) => pathname.startsWith('/exam/take');

/**
 * Registers the service worker and tells the student, without taking focus, when the app works
 * offline and when a new version is ready. Nothing shows, and nothing reloads, during an exam.
 */
export function ReloadPrompt() {
  const { pathname } = useLocation();
  const hidden = isTakingExam(pathname);
  const [reloadPending, setReloadPending] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    // Register after the page has loaded, so the precache does not compete with the first screen.
    immediate: false,
    // Reloading is left to the effect below: the plugin's own reload misses an update taken in
    // another tab, and one taken by a page that was not controlled when it opened.
    onNeedReload: () => undefined,
  });

  // A new version has taken over (from this tab or another): the page must reload to use it.
  useEffect(() => {
    const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (container === undefined) return;
    let previous = container.controller;
    const onControllerChange = () => {
      // The first worker taking control of a first visit is not a new version.
      if (previous !== null) setReloadPending(true);
      previous = container.controller;
    };
    container.addEventListener('controllerchange', onControllerChange);
    return () => container.removeEventListener('controllerchange', onControllerChange);
  }, []);
  useEffect(() => {
    if (reloadPending && !hidden) window.location.reload();
  }, [reloadPending, hidden]);

  const dismiss = () => {
    setNeedRefresh(false);
    setOfflineReady(false);
  };
  const message = hidden
    ? ''
    : needRefresh
      ? 'A new version is available.'
      : offlineReady
        ? 'Ready to work offline.'
        : '';

  return (
    <div className={message === '' ? 'reload-prompt' : 'reload-prompt reload-prompt--open'}>
      {/* A live region from the start, so the message is announced when it appears. */}
      <p aria-live="polite">{message}</p>
      {message !== '' && (
        <div className="actions">
          {needRefresh && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => void updateServiceWorker()}
            >
              Reload
            </button>
          )}
          <button type="button" className="button button--small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
