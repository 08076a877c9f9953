import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router';
import { App } from '../app/app';
import type { BankSource } from '../engine/load-bank';
import { useExamStore } from '../features/exam/exam-store';
import { usePracticeStore } from '../features/practice/practice-store';
import { useBanksStore } from '../state/banks-store';
import { useHistoryStore } from '../state/history-store';

/** The real banks in questions/, read from disk instead of fetched. */
export function diskBankSources(questionsDir = 'questions'): BankSource[] {
  return readdirSync(questionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      id: entry.name,
      files: readdirSync(join(questionsDir, entry.name))
        .filter((file) => file.endsWith('.json'))
        .map((file) => {
          const path = join(questionsDir, entry.name, file);
          return { path, read: () => Promise.resolve(readFileSync(path, 'utf8')) };
        }),
    }));
}

/** A bank given as file contents, for tests of broken or hostile banks. */
export function inlineBankSource(id: string, files: Record<string, string>): BankSource {
  return {
    id,
    files: Object.entries(files).map(([path, text]) => ({
      path,
      read: () => Promise.resolve(text),
    })),
  };
}

/** Renders the whole app at a URL, with the given banks, as a student would reach it. */
export function renderApp(
  url: string,
  sources: BankSource[] = diskBankSources(),
  options: { advanceTimers?: (ms: number) => unknown } = {},
) {
  useBanksStore.setState({ sources: [], loads: {} });
  useBanksStore.getState().loadAll(sources);
  const user = userEvent.setup(
    options.advanceTimers === undefined ? {} : { advanceTimers: options.advanceTimers },
  );
  return {
    user,
    ...render(
      <MemoryRouter initialEntries={[url]}>
        <App />
      </MemoryRouter>,
    ),
  };
}

/** Forgets everything a previous test saved, as a first visit would. */
export function resetSavedState() {
  localStorage.clear();
  useHistoryStore.setState({ answers: [] });
  usePracticeStore.setState({ session: null });
  useExamStore.setState({ current: null, past: [] });
}
