import { useSyncExternalStore } from 'react';

/** Chromium's install prompt event, not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<unknown>;
}

// Listened for from the start: the browser may offer installation before React has rendered.
let installPrompt: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const setInstallPrompt = (event: BeforeInstallPromptEvent | null) => {
  installPrompt = event;
  for (const listener of listeners) listener();
};
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own banner away; the student installs from the header when they choose.
    event.preventDefault();
    setInstallPrompt(event as BeforeInstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => setInstallPrompt(null));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** "Install app", shown only while the browser offers installation. */
export function InstallButton() {
  const prompt = useSyncExternalStore(
    subscribe,
    () => installPrompt,
    () => null,
  );
  if (prompt === null) return null;
  const install = async () => {
    // A prompt can be shown once; the browser fires the event again if it can offer it again.
    setInstallPrompt(null);
    await prompt.prompt();
  };
  return (
    <button type="button" className="button button--small" onClick={() => void install()}>
      Install app
    </button>
  );
}
