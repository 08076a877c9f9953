import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeItem, manifest } from '../../../engine/__tests__/fixtures';
import { inlineBankSource, renderApp, resetSavedState } from '../../../test/render-app';
import { EXAM_LOCK_KEY, LOCK_TTL_MS } from '../exam-lock';
import { EXAM_STORAGE_KEY, useExamStore } from '../exam-store';

const MINUTE = 60_000;
const items = ['so', 'incident', 'problem', 'st', 'roles'].flatMap((topic) =>
  Array.from({ length: 2 }, (_, n) =>
    makeItem(`${topic}-${n}`, topic, { stem: `Question ${n} about ${topic}?` }),
  ),
);
const bank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify({
      ...manifest,
      exam: { questionCount: 10, minutes: 60, passMark: 7, extraTimeFactor: 1.25 },
    }),
    'questions/mini/items.json': JSON.stringify({ items }),
  });

/** What another tab does through localStorage, which reaches this tab as a `storage` event. */
function otherTabWrites(key: string, value: unknown) {
  const text = value === null ? null : JSON.stringify(value);
  if (text === null) localStorage.removeItem(key);
  else localStorage.setItem(key, text);
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', { key, newValue: text, storageArea: localStorage }),
    );
  });
}
const otherTabTakesOver = (attemptId: string) =>
  otherTabWrites(EXAM_LOCK_KEY, { attemptId, tabId: 'other-tab', expires: Date.now() + 60_000 });
const lease = () =>
  JSON.parse(localStorage.getItem(EXAM_LOCK_KEY) ?? 'null') as { tabId: string } | null;

const questionHeading = (n: number) =>
  screen.findByRole('heading', { level: 1, name: new RegExp(`^Question ${n} of 10`) });
const elsewhereHeading = () =>
  screen.findByRole('heading', { level: 1, name: 'This exam is open in another tab' });
const navigator = () => screen.getByRole('navigation', { name: 'Question navigator' });

async function startExam() {
  const view = renderApp('/exam', [bank()], {
    advanceTimers: (ms) => vi.advanceTimersByTime(ms),
  });
  await view.user.click(await screen.findByRole('radio', { name: /No time limit/ }));
  await view.user.click(screen.getByRole('button', { name: 'Start the exam' }));
  await questionHeading(1);
  await act(() => Promise.resolve());
  return { ...view, attemptId: useExamStore.getState().current?.id ?? '' };
}

describe('an exam open in two tabs', () => {
  beforeEach(() => {
    resetSavedState();
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('holds the exam in the tab that opened it', async () => {
    await startExam();
    expect(lease()?.tabId).toEqual(expect.any(String));
    expect(lease()?.tabId).not.toBe('other-tab');
  });

  it('stops accepting answers when another tab takes the exam over, and can take it back', async () => {
    const { user, attemptId } = await startExam();
    await user.keyboard('1');
    otherTabTakesOver(attemptId);

    await elsewhereHeading();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Question navigator' })).toBeNull();
    const before = useExamStore.getState().current?.responses;
    await user.keyboard('2n');
    expect(useExamStore.getState().current?.responses).toEqual(before);

    // The other tab answers question 2; this tab follows what it saves.
    const current = useExamStore.getState().current;
    if (current === null) throw new Error('no exam');
    const second = current.itemIds[1] as string;
    otherTabWrites(EXAM_STORAGE_KEY, {
      state: {
        current: { ...current, responses: { ...current.responses, [second]: 'b' } },
        past: [],
      },
      version: 1,
    });

    await user.click(screen.getByRole('button', { name: 'Take it over here' }));
    expect(await questionHeading(1)).toHaveFocus();
    expect(lease()?.tabId).not.toBe('other-tab');
    expect(
      within(navigator()).getByRole('button', { name: 'Question 2, answered' }),
    ).toBeInTheDocument();
    expect(
      within(navigator()).getByRole('button', { name: 'Question 1, answered' }),
    ).toBeInTheDocument();
  });

  it('says so when opened while another tab holds the exam, and takes it when that tab lets go', async () => {
    const { attemptId, unmount, user } = await startExam();
    unmount();
    otherTabTakesOver(attemptId);
    renderApp('/exam/take', [bank()]);
    await elsewhereHeading();
    expect(screen.getByRole('button', { name: 'Take it over here' })).toBeInTheDocument();

    // The other tab is closed: its lease is given up, and this tab takes the exam.
    otherTabWrites(EXAM_LOCK_KEY, null);
    await questionHeading(1);
    await user.keyboard('1');
    expect(Object.keys(useExamStore.getState().current?.responses ?? {})).toHaveLength(1);
  });

  it('takes the exam when the other tab’s lease lapsed (the tab died without letting go)', async () => {
    const { attemptId, unmount } = await startExam();
    unmount();
    otherTabWrites(EXAM_LOCK_KEY, {
      attemptId,
      tabId: 'other-tab',
      expires: Date.now() - LOCK_TTL_MS,
    });
    renderApp('/exam/take', [bank()]);
    await questionHeading(1);
  });

  it('gives the exam up when the page is hidden for good', async () => {
    await startExam();
    expect(lease()).not.toBeNull();
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    });
    expect(lease()).toBeNull();
  });

  it('ends the exam here when the other tab submitted it', async () => {
    const { attemptId } = await startExam();
    otherTabTakesOver(attemptId);
    await elsewhereHeading();
    const current = useExamStore.getState().current;
    otherTabWrites(EXAM_STORAGE_KEY, {
      state: {
        current: null,
        past: [{ ...current, submittedAt: Date.now() + 5 * MINUTE, submittedBy: 'student' }],
      },
      version: 1,
    });
    expect(await screen.findByText('There is no exam in progress.')).toBeInTheDocument();
    expect(useExamStore.getState().past.map((a) => a.id)).toEqual([attemptId]);
  });
});
