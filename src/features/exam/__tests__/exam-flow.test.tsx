import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeItem, manifest } from '../../../engine/__tests__/fixtures';
import { useHistoryStore } from '../../../state/history-store';
import { inlineBankSource, renderApp, resetSavedState } from '../../../test/render-app';
import { EXAM_STORAGE_KEY, useExamStore } from '../exam-store';

const MINUTE = 60_000;
const examManifest = {
  ...manifest,
  exam: { questionCount: 40, minutes: 60, passMark: 26, extraTimeFactor: 1.25 },
};
const topics = ['so', 'incident', 'problem', 'st', 'roles'];
const items = topics.flatMap((topic) =>
  Array.from({ length: 12 }, (_, n) =>
    makeItem(`${topic}-${n}`, topic, {
      stem: `Question ${n} about ${topic}?`,
      options: [
        { id: 'a', text: `Wrong one for ${topic} ${n}` },
        { id: 'b', text: `Right answer for ${topic} ${n}` },
        { id: 'c', text: `Wrong two for ${topic} ${n}` },
        { id: 'd', text: `Wrong three for ${topic} ${n}` },
      ],
    }),
  ),
);
const examBank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify(examManifest),
    'questions/mini/items.json': JSON.stringify({ items }),
  });

function render(url = '/exam') {
  return renderApp(url, [examBank()], { advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

async function startExam(timing: RegExp = /60 minutes/) {
  const view = render();
  await view.user.click(await screen.findByRole('radio', { name: timing }));
  await view.user.click(screen.getByRole('button', { name: 'Start the exam' }));
  await screen.findByRole('heading', { level: 1, name: /Question 1 of 40/ });
  // Let the page's effects (keyboard shortcuts, clock) attach, as they do within a frame in a browser.
  await act(() => Promise.resolve());
  return view;
}

const options = () => within(screen.getByRole('group')).getAllByRole('radio');
const chooseRight = async (user: Awaited<ReturnType<typeof startExam>>['user']) =>
  user.click(
    options().find((o) => o.closest('label')?.textContent?.includes('Right answer')) as HTMLElement,
  );
const navigator = () => screen.getByRole('navigation', { name: 'Question navigator' });

describe('mock exam', { timeout: 30_000 }, () => {
  beforeEach(() => {
    resetSavedState();
    // React schedules its effects with setImmediate: only the clock and timers are faked.
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows answered, unanswered and flagged questions in the navigator, with no feedback', async () => {
    const { user } = await startExam();
    await chooseRight(user);
    expect(screen.queryByText(/Correct|Incorrect/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: /Flag for review/ }));
    expect(
      within(navigator()).getByRole('button', { name: 'Question 1, answered' }),
    ).toBeInTheDocument();
    expect(
      within(navigator()).getByRole('button', { name: 'Question 2, unanswered, flagged' }),
    ).toHaveAttribute('aria-current', 'step');
    await user.click(within(navigator()).getByRole('button', { name: 'Question 1, answered' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Question 1 of 40');
    expect(options().filter((o) => (o as HTMLInputElement).checked)).toHaveLength(1);
  });

  it('lets answers change freely and works by keyboard shortcuts', async () => {
    const { user } = await startExam();
    await user.keyboard('1');
    expect((options()[0] as HTMLInputElement).checked).toBe(true);
    await user.keyboard('c');
    expect((options()[2] as HTMLInputElement).checked).toBe(true);
    expect((options()[0] as HTMLInputElement).checked).toBe(false);
    await user.keyboard('f');
    await user.keyboard('n');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Question 2 of 40');
    await user.keyboard('p');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      /Question 1 of 40.*Flagged/,
    );
  });

  it('confirms before submitting, stating what is unanswered and flagged, then shows the results', async () => {
    const { user } = await startExam();
    for (let n = 0; n < 27; n++) {
      await chooseRight(user);
      if (n === 3) await user.click(screen.getByRole('button', { name: /Flag for review/ }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    await user.click(screen.getByRole('button', { name: 'Submit the exam…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Submit your exam?' });
    expect(dialog).toHaveTextContent('13 questions are unanswered and will score nothing.');
    expect(dialog).toHaveTextContent('1 question is flagged for review.');
    vi.advanceTimersByTime(20 * MINUTE);
    await user.click(within(dialog).getByRole('button', { name: 'Submit the exam' }));

    await screen.findByRole('heading', { name: 'Mock exam results' });
    const score = screen.getByRole('region', { name: 'Score' });
    expect(score).toHaveTextContent('27 / 40 (68%)');
    expect(score).toHaveTextContent('✓ Pass: the pass mark is 26 of 40.');
    expect(score).toHaveTextContent('Time used: 20 minutes');
    const table = screen.getByRole('table', { name: 'Score per topic, weakest first' });
    const accuracies = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => parseInt(within(row).getAllByRole('cell').at(-1)?.textContent ?? '', 10));
    expect(accuracies).toEqual([...accuracies].sort((a, b) => a - b));
    expect(screen.getByRole('link', { name: 'Practise my weakest topics' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/practice\?bank=mini&topics=/),
    );
    expect(useHistoryStore.getState().answers.filter((a) => a.mode === 'exam')).toHaveLength(40);
  });

  it('warns at 10 and 5 minutes without announcing every second, and submits itself at zero', async () => {
    const { user } = await startExam();
    await chooseRight(user);
    const timer = screen.getByRole('timer', { name: 'Time left' });
    expect(timer).toHaveTextContent('60:00');
    expect(timer).not.toHaveAttribute('aria-live');
    await act(() => vi.advanceTimersByTimeAsync(50 * MINUTE + 1000));
    expect(screen.getByText('10 minutes left.')).toHaveAttribute('aria-live', 'assertive');
    await act(() => vi.advanceTimersByTimeAsync(5 * MINUTE));
    expect(screen.getByText(/^5 minutes left\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide the clock' }));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByText(/^5 minutes left\./)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5 * MINUTE));
    await screen.findByRole('heading', { name: 'Mock exam results' });
    expect(screen.getByRole('region', { name: 'Score' })).toHaveTextContent(
      'time ran out, so the exam was submitted for you',
    );
    expect(screen.getByRole('region', { name: 'Score' })).toHaveTextContent('1 / 40');
  });

  it('gives 75 minutes with extra time and no clock when untimed', async () => {
    await startExam(/75 minutes/);
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('75:00');
  });

  it('resumes after a reload with the same answers, flags and the right time left', async () => {
    const { user, unmount } = await startExam();
    await chooseRight(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: /Flag for review/ }));
    const before = useExamStore.getState().current;
    unmount();

    // The tab is closed for 12 minutes; memory is lost, only what was saved remains.
    const saved = localStorage.getItem(EXAM_STORAGE_KEY) ?? '';
    useExamStore.setState({ current: null, past: [] });
    localStorage.setItem(EXAM_STORAGE_KEY, saved);
    vi.advanceTimersByTime(12 * MINUTE);
    await useExamStore.persist.rehydrate();

    render('/exam');
    await user.click(await screen.findByRole('link', { name: 'Resume the exam' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Question 2 of 40/ }),
    ).toHaveTextContent('Flagged');
    expect(
      within(navigator()).getByRole('button', { name: 'Question 1, answered' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent(/^4[78]:\d\d$/);
    expect(useExamStore.getState().current?.itemIds).toEqual(before?.itemIds);
  });

  it('submits an attempt whose deadline passed while the app was closed', async () => {
    const { user, unmount } = await startExam();
    await chooseRight(user);
    unmount();
    vi.advanceTimersByTime(2 * 60 * MINUTE);
    render('/exam/take');
    await screen.findByRole('heading', { name: 'Mock exam results' });
    expect(screen.getByRole('region', { name: 'Score' })).toHaveTextContent('Time used: 1 hour');
  });

  it('reviews every question with filters, and lists the attempt in the history', async () => {
    const { user } = await startExam(/No time limit/);
    await chooseRight(user);
    await user.click(screen.getByRole('button', { name: /Flag for review/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(
      options().find((o) => o.closest('label')?.textContent?.includes('Wrong one')) as HTMLElement,
    );
    await user.click(screen.getByRole('button', { name: 'Submit the exam…' }));
    await user.click(screen.getByRole('button', { name: 'Submit the exam' }));
    await user.click(await screen.findByRole('link', { name: 'Review every question' }));

    await screen.findByRole('heading', { level: 1, name: /Review of your mock exam/ });
    expect(screen.getAllByRole('article')).toHaveLength(40);
    await user.click(screen.getByRole('radio', { name: /Flagged \(1\)/ }));
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('article')).toHaveTextContent('Why it is right:');
    await user.click(screen.getByRole('radio', { name: /Unanswered \(38\)/ }));
    expect(screen.getAllByRole('article')).toHaveLength(38);
    await user.click(screen.getByRole('radio', { name: /Wrong \(39\)/ }));
    expect(screen.getAllByRole('article')).toHaveLength(39);

    await user.click(screen.getByRole('link', { name: 'Mock exam' }));
    await user.click(await screen.findByRole('link', { name: 'Your past attempts (1)' }));
    const table = await screen.findByRole('table', { name: 'Your mock exams, newest first' });
    expect(within(table).getByText('1 / 40 (3%)')).toBeInTheDocument();
    expect(within(table).getByText('✗ Fail')).toBeInTheDocument();
  });

  it('retakes only the questions answered wrong', async () => {
    const { user } = await startExam(/No time limit/);
    for (let n = 0; n < 39; n++) {
      await chooseRight(user);
      await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    await user.click(screen.getByRole('button', { name: 'Review and submit' }));
    await user.click(screen.getByRole('button', { name: 'Submit the exam' }));
    await user.click(await screen.findByRole('button', { name: 'Retake the 1 I got wrong' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Question 1 of 1' }),
    ).toBeInTheDocument();
  });
});
