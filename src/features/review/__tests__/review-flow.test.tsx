import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '../../../engine/answers';
import { items, makeItem, manifest } from '../../../engine/__tests__/fixtures';
import { reviewKey } from '../../../engine/review-schedule';
import { useHistoryStore } from '../../../state/history-store';
import { REVIEW_STORAGE_KEY, useReviewStore } from '../../../state/review-store';
import { useSettingsStore } from '../../../state/settings-store';
import { inlineBankSource, renderApp, resetSavedState } from '../../../test/render-app';

const miniBank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify(manifest),
    'questions/mini/items.json': JSON.stringify({ items }),
  });

const HOUR = 3_600_000;
const missed = (
  itemId: string,
  minutesAgo: number,
  mode: AnswerRecord['mode'] = 'practice',
): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: 'a',
  correct: false,
  ms: 30_000,
  mode,
  at: Date.now() - minutesAgo * 60_000,
});

const answers = () => within(screen.getByRole('group', { name: 'Answers' }));

describe('review session', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 23, 12, 0, 0));
    resetSavedState();
    useReviewStore.setState({ cards: {}, applied: 0 });
    useSettingsStore.setState({ examDate: null });
  });
  afterEach(() => vi.useRealTimers());

  it('says there is nothing to review before any mistake, and how missed questions come back', async () => {
    renderApp('/review', [miniBank()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing to review yet/)).toHaveTextContent(
      'Every question you answer wrongly, in practice or in a mock exam, comes back here',
    );
    expect(screen.getByRole('link', { name: 'Practise by topic' })).toHaveAttribute(
      'href',
      '/practice?bank=mini',
    );
  });

  it('shows the questions missed in practice and exams one at a time, grades, reschedules and records them', async () => {
    useHistoryStore.setState({
      answers: [missed('i-1', 60), missed('st-1', 30, 'exam'), missed('r-1', 5)],
    });
    // r-1 was missed 5 minutes ago: it comes back 10 minutes after the mistake, not yet.
    const { user } = renderApp('/review?bank=mini', [miniBank()]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Review 1 of 2' })).toHaveFocus();
    expect(screen.getByText('Incident management')).toBeInTheDocument();
    await user.click(answers().getByRole('button', { name: /The second choice/ }));
    expect(screen.getByRole('heading', { level: 2, name: '✓ Correct' })).toBeInTheDocument();
    expect(screen.getByText(/^Rated/)).toHaveTextContent(
      /^Rated Easy \(right within 15 seconds\): next review tomorrow \(Tue 24 Nov\)\.$/,
    );
    const card = useReviewStore.getState().cards[reviewKey('mini', 'i-1')];
    expect(card).toMatchObject({ state: 2, reps: 2 });
    expect(useHistoryStore.getState().answers.at(-1)).toMatchObject({
      itemId: 'i-1',
      choice: 'b',
      correct: true,
      mode: 'review',
    });
    // The schedule is saved the moment it changes.
    const saved = JSON.parse(localStorage.getItem(REVIEW_STORAGE_KEY) ?? '{}') as {
      state: { cards: Record<string, { reps: number }> };
      version: number;
    };
    expect(saved.version).toBe(2);
    expect(saved.state.cards[reviewKey('mini', 'i-1')]?.reps).toBe(2);

    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Review 2 of 2' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Service Transition')).toBeInTheDocument();
    // By keyboard this time: the number of the wrong option "The first choice".
    const wrong = answers()
      .getAllByRole('button')
      .findIndex((b) => b.textContent?.includes('The first choice'));
    await user.keyboard(String(wrong + 1));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/^✗ Incorrect/);
    expect(screen.getByText(/^Rated/)).toHaveTextContent(
      'Rated Again (missed): next review in 10 minutes.',
    );
    await user.click(screen.getByRole('button', { name: 'Finish the review' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Review finished' })).toHaveFocus();
    expect(screen.getByText(/You reviewed/)).toHaveTextContent(
      'You reviewed 2 questions and recalled 1.',
    );
    expect(useHistoryStore.getState().answers.filter((a) => a.mode === 'review')).toHaveLength(2);
    expect(screen.getByText(/Nothing else is due now/)).toHaveTextContent(
      'The next review is due in 5 minutes.',
    );
    expect(screen.getByRole('link', { name: 'See your progress' })).toHaveAttribute(
      'href',
      '/progress?bank=mini',
    );
  });

  it('grades a wrong answer Again and brings the question back in 10 minutes', async () => {
    useHistoryStore.setState({ answers: [missed('p-1', 60)] });
    const { user } = renderApp('/review', [miniBank()]);
    await screen.findByRole('heading', { level: 1, name: 'Review 1 of 1' });
    await user.click(answers().getByRole('button', { name: /The fourth choice/ }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      /^✗ Incorrect: the answer is [A-D]$/,
    );
    expect(screen.getByRole('status')).toHaveTextContent(/Incorrect\. The right answer is [A-D]\./);
    expect(screen.getByText(/^Rated/)).toHaveTextContent(
      'Rated Again (missed): next review in 10 minutes.',
    );
    expect(useReviewStore.getState().cards[reviewKey('mini', 'p-1')]).toMatchObject({
      state: 1,
      reps: 2,
    });
  });

  it('takes at most 20 questions a session, most overdue first', async () => {
    const many = Array.from({ length: 22 }, (_, n) => makeItem(`q-${n}`, 'incident'));
    const bigBank = inlineBankSource('mini', {
      'questions/mini/bank.json': JSON.stringify(manifest),
      'questions/mini/items.json': JSON.stringify({ items: many }),
    });
    useHistoryStore.setState({ answers: many.map((item, n) => missed(item.id, 100 - n)) });
    renderApp('/review', [bigBank]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Review 1 of 20' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Which statement about q-0 is right/)).toBeInTheDocument();
  });

  it.each([
    [null, 'in 10 days (Thu 3 Dec)'],
    // Exam on Friday 27 November: the review comes on the day before.
    ['2026-11-27', 'in 3 days (Thu 26 Nov)'],
  ])('with exam date %s, schedules the next review %s', async (examDate, when) => {
    const answers = [missed('i-1', 60)];
    useHistoryStore.setState({ answers });
    const card = useReviewStore.getState().cards[reviewKey('mini', 'i-1')];
    if (card === undefined) throw new Error('the missed question is not in the queue');
    useReviewStore.setState({
      cards: {
        [reviewKey('mini', 'i-1')]: { ...card, state: 2, due: Date.now() + 10 * 24 * HOUR },
      },
      applied: answers.length,
    });
    useSettingsStore.setState({ examDate });
    renderApp('/review', [miniBank()]);
    expect(await screen.findByText(/All caught up/)).toHaveTextContent(
      `All caught up: nothing is due now. The next review is due ${when}.`,
    );
  });
});
