import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '../../../engine/answers';
import { items, manifest } from '../../../engine/__tests__/fixtures';
import { dayOf, isoDate } from '../../../engine/progress-days';
import { useHistoryStore } from '../../../state/history-store';
import { useReviewStore } from '../../../state/review-store';
import { useSettingsStore } from '../../../state/settings-store';
import { inlineBankSource, renderApp, resetSavedState } from '../../../test/render-app';

const miniBank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify(manifest),
    'questions/mini/items.json': JSON.stringify({ items }),
  });

const HOUR = 3_600_000;
let n = 0;
const answer = (
  itemId: string,
  correct: boolean,
  extra: Partial<AnswerRecord> = {},
): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 20_000,
  mode: 'practice',
  // An hour ago, a second apart: today, and any review from a mistake is already due.
  at: Date.now() - HOUR + n++ * 1000,
  ...extra,
});
const times = (count: number, make: () => AnswerRecord) => Array.from({ length: count }, make);

function seed(answers: AnswerRecord[]) {
  useHistoryStore.setState({ answers });
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });

describe('progress dashboard', () => {
  afterEach(() => vi.useRealTimers());

  beforeEach(() => {
    // Local noon, so "an hour ago" and "yesterday" are the days they say in any time zone.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 23, 12, 0, 0));
    n = 0;
    resetSavedState();
    useReviewStore.setState({ cards: {}, applied: 0 });
    useSettingsStore.setState({ examDate: null });
  });

  it('is in the main menu and guides a new student to a first practice or exam', async () => {
    const { user } = renderApp('/', [miniBank()]);
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Progress',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your progress' }),
    ).toBeInTheDocument();
    const start = await screen.findByRole('region', { name: 'Start here' });
    expect(start).toHaveTextContent('You have not answered any questions yet.');
    expect(within(start).getByRole('link', { name: 'Start your first practice' })).toHaveAttribute(
      'href',
      '/practice?bank=mini',
    );
    expect(within(start).getByRole('link', { name: 'Take a mock exam' })).toHaveAttribute(
      'href',
      '/exam',
    );
    expect(screen.queryByRole('table', { name: 'Mastery by topic' })).not.toBeInTheDocument();
  });

  it('shows mastery, counts, streak, readiness and trend after some answers, and follows new ones', async () => {
    seed([
      answer('i-1', true),
      answer('i-2', true),
      answer('p-1', false),
      answer('st-1', true),
      answer('st-2', false, { at: Date.now() - 24 * HOUR - 60_000 }),
    ]);
    renderApp('/progress', [miniBank()]);

    const table = await screen.findByRole('table', { name: 'Mastery by topic' });
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    expect(row(/^Service Operation/)).toHaveTextContent('Weak, 10%');
    expect(row(/^Service Operation/)).toHaveTextContent('2 of 3 right (67%)');
    expect(row(/^Incident management/)).toHaveTextContent('2 of 2 right (100%)');
    expect(row(/^Problem management/)).toHaveTextContent('0 of 1 right (0%)');
    expect(row(/^Roles/)).toHaveTextContent('Not started');
    expect(row(/^Roles/)).toHaveTextContent('none');
    expect(region('Mastery')).toHaveTextContent('You have answered 5 questions, 60% right.');

    const today = region('Today');
    expect(today).toHaveTextContent('2 days studied in a row, including today.');
    expect(today).toHaveTextContent('4 questions answered today. Set your exam date below');

    const readiness = region('Readiness for the real exam');
    expect(readiness).toHaveTextContent('Not enough data yet');
    expect(readiness).toHaveTextContent('35 more answers in all');
    expect(readiness).toHaveTextContent('Roles: 5 more answers');

    const chart = screen.getByRole('img', {
      name: /Practice accuracy and mock exam scores, last 30 days/,
    });
    expect(chart).toHaveAccessibleName(/Practice accuracy on 2 days, from 0% on .* to 75% on /);
    const figures = screen.getByRole('table', { name: 'Daily figures, last 30 days' });
    expect(within(figures).getAllByRole('row')).toHaveLength(3);

    act(() => useHistoryStore.getState().recordAnswer(answer('r-1', true, { at: Date.now() })));
    expect(row(/^Roles/)).toHaveTextContent('1 of 1 right (100%)');
    expect(region('Today')).toHaveTextContent('5 questions answered today.');
  });

  it('estimates readiness once there is enough evidence, saying what it is based on', async () => {
    seed([
      ...times(20, () => answer('i-1', true)),
      ...times(10, () => answer('st-1', true)),
      ...times(10, () => answer('r-1', false)),
    ]);
    renderApp('/progress', [miniBank()]);
    const readiness = await screen.findByRole('region', { name: 'Readiness for the real exam' });
    // Quotas 2 + 1 + 1 of 4, pass mark 3: Beta-Binomial(2; 21, 1) ⊛ (1; 11, 1) ⊛ (1; 1, 11).
    expect(readiness).toHaveTextContent(/\d+% chance of passing now/);
    expect(readiness).toHaveTextContent(
      /Likely score: \d to \d of 4 \(90% credible interval\); the pass mark is 3\./,
    );
    expect(readiness).toHaveTextContent(
      'Based on your last 50 answers or fewer in each exam area (40 answers)',
    );
    const basis = within(readiness).getByRole('table', { name: 'What the estimate is based on' });
    expect(within(basis).getByRole('row', { name: /^Roles/ })).toHaveTextContent('0 of 10 (0%)');
  });

  it('links "Practise my weak areas" to a practice on the weakest, least recent topics', async () => {
    seed([...times(20, () => answer('i-1', true)), answer('p-1', false), answer('st-1', true)]);
    const { user } = renderApp('/progress', [miniBank()]);
    const weak = await screen.findByRole('region', { name: 'Weak areas' });
    expect(
      within(weak)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Roles \(concept\): Not started, never practised/),
      expect.stringMatching(/^Problem management \(process\): Weak, 0%, last practised today/),
      expect.stringMatching(/^Service Transition \(stage\): Weak, 5%, last practised today/),
    ]);
    const link = within(weak).getByRole('link', { name: 'Practise my weak areas' });
    expect(link).toHaveAttribute('href', '/practice?bank=mini&topics=roles,problem,st');
    await user.click(link);
    expect(await screen.findByRole('checkbox', { name: /^Roles/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Problem management/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Service Transition/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Incident management/ })).not.toBeChecked();
  });

  it('counts the questions due for review and sets a daily goal from the exam date', async () => {
    seed([
      answer('i-1', false),
      answer('p-1', false, { mode: 'exam', attemptId: 'x' }),
      answer('st-1', true),
    ]);
    const { user } = renderApp('/progress', [miniBank()]);
    const today = await screen.findByRole('region', { name: 'Today' });
    expect(today).toHaveTextContent('2 questions to review today (2 due now).');
    expect(within(today).getByRole('link', { name: 'Review 2 questions now' })).toHaveAttribute(
      'href',
      '/review?bank=mini',
    );

    const examDay = dayOf(Date.now()) + 4;
    const input = screen.getByLabelText('Date of your real exam');
    await user.type(input, isoDate(examDay));
    await user.click(screen.getByRole('button', { name: 'Save exam date' }));
    expect(useSettingsStore.getState().examDate).toBe(isoDate(examDay));
    expect(region('Your exam date')).toHaveTextContent('in 4 days');
    // 4 items never answered and 2 reviews before the exam, over 4 days: 2 a day.
    expect(region('Today')).toHaveTextContent(
      'Daily goal: 2 questions. Answered today: 3. ✓ Goal reached.',
    );
    expect(screen.getByRole('progressbar', { name: /Daily goal/ })).toHaveAttribute('value', '2');

    await user.click(screen.getByRole('button', { name: 'Clear exam date' }));
    expect(useSettingsStore.getState().examDate).toBeNull();
    expect(region('Today')).toHaveTextContent('Set your exam date below');
  });

  it('refuses an exam date in the past', async () => {
    seed([answer('i-1', true)]);
    const { user } = renderApp('/progress', [miniBank()]);
    const input = await screen.findByLabelText('Date of your real exam');
    await user.type(input, isoDate(dayOf(Date.now()) - 2));
    await user.click(screen.getByRole('button', { name: 'Save exam date' }));
    expect(screen.getByRole('alert')).toHaveTextContent('That date has passed.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(useSettingsStore.getState().examDate).toBeNull();
  });
});
