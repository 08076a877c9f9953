import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeItem, manifest } from '../../engine/__tests__/fixtures';
import type { AnswerRecord } from '../../engine/answers';
import { createBackup, type BackupContent } from '../../engine/backup';
import type { ExamAttempt } from '../../engine/exam';
import { applyAnswers, reviewKey } from '../../engine/review-schedule';
import { EXAM_STORAGE_KEY, useExamStore } from '../../features/exam/exam-store';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../../state/history-store';
import { useReviewStore } from '../../state/review-store';
import { useSettingsStore } from '../../state/settings-store';
import { inlineBankSource, renderApp, resetSavedState } from '../../test/render-app';

const at = new Date(2026, 10, 23, 9, 0).getTime();
const answer = (itemId: string, minutes: number, correct = false): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 7_000,
  mode: 'practice',
  at: at - 86_400_000 + minutes * 60_000,
});
const attempt = (id: string, minutes: number, submitted: boolean): ExamAttempt => ({
  id,
  kind: 'mock',
  bankId: 'mini',
  seed: 1,
  itemIds: ['i-1', 'i-2', 'p-1', 'so-1'],
  optionOrders: {},
  timing: 'untimed',
  startedAt: at - 86_400_000 + minutes * 60_000,
  deadline: null,
  responses: submitted ? { 'i-1': 'b', 'i-2': 'b', 'p-1': 'a' } : { 'i-1': 'b' },
  flagged: [],
  current: 0,
  timeOnItem: {},
  submittedAt: submitted ? at - 86_400_000 + (minutes + 20) * 60_000 : null,
  submittedBy: submitted ? 'student' : null,
});

const bank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify(manifest),
    'questions/mini/items.json': JSON.stringify({
      items: ['i-1', 'i-2', 'p-1', 'so-1'].map((id) => makeItem(id, 'incident')),
    }),
  });

/** The other device's progress, as its backup file. */
function otherDevice(change: (content: BackupContent) => void = () => undefined) {
  const answers = [answer('i-1', 1), answer('i-2', 2, true), answer('p-1', 3)];
  const content: BackupContent = {
    answers,
    exams: { current: null, past: [attempt('laptop-exam', 10, true)] },
    review: { cards: applyAnswers({}, answers) },
    settings: { examDate: '2026-12-14' },
  };
  change(content);
  return content;
}
const backupFile = (text: string, name = 'itil-practice-backup-2026-11-22.json') =>
  new File([text], name, { type: 'application/json' });

async function openDataPage() {
  const view = renderApp('/data', [bank()]);
  await screen.findByRole('heading', { level: 1, name: 'Your data' });
  return view;
}
const importSection = () => screen.getByRole('region', { name: 'Import a backup' });

describe('the Your data page', () => {
  beforeEach(() => {
    resetSavedState();
    useReviewStore.setState({ cards: {}, applied: 0, lastApplied: null });
    useSettingsStore.setState({ examDate: null });
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
    vi.setSystemTime(at);
  });
  afterEach(() => vi.useRealTimers());

  it('is reached from the footer of every page', async () => {
    const { user } = renderApp('/', [bank()]);
    await user.click(screen.getByRole('link', { name: 'Your data' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  });

  it('downloads every kind of progress as one named, versioned file', async () => {
    const answers = [answer('i-1', 1), answer('so-1', 2, true)];
    useHistoryStore.setState({ answers });
    useExamStore.setState({
      current: attempt('now', 100, false),
      past: [attempt('done', 50, true)],
    });
    useSettingsStore.getState().setExamDate('2026-12-14');
    const { user } = await openDataPage();
    const holds = screen.getByRole('region', { name: 'Download a backup' });
    expect(
      within(holds)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '2 answers',
      '1 submitted mock exam, and one in progress',
      '1 question in your review queue',
      expect.stringMatching(/^Your exam date: Monday,? 14 December 2026$/),
    ]);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:backup';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Download a backup' }));

    expect(clicked.map((a) => a.download)).toEqual(['itil-practice-backup-2026-11-23.json']);
    const file = JSON.parse(await (blobs[0] as Blob).text()) as BackupContent & {
      format: string;
      version: number;
    };
    expect(file).toMatchObject({ format: 'itil-practice-backup', version: 1 });
    expect(file.answers).toEqual(answers);
    expect(file.exams.current?.id).toBe('now');
    expect(file.exams.past.map((a) => a.id)).toEqual(['done']);
    expect(Object.keys(file.review.cards)).toEqual([reviewKey('mini', 'i-1')]);
    expect(file.settings.examDate).toBe('2026-12-14');
    expect(within(holds).getByRole('status')).toHaveTextContent(
      /^Downloaded itil-practice-backup-2026-11-23\.json \(\d+ KB\)\./,
    );
  });

  it('imports another device’s backup: the union of both, nothing counted twice', async () => {
    useHistoryStore.setState({ answers: [answer('i-1', 1), answer('so-1', 30, true)] });
    const { user } = await openDataPage();
    const text = JSON.stringify(createBackup(otherDevice(), at));
    await user.upload(screen.getByLabelText('Backup file'), backupFile(text));

    expect(await within(importSection()).findByRole('status')).toHaveTextContent(
      /^Imported “itil-practice-backup-2026-11-22\.json”: 2 answers added, 1 already here; 1 exam attempt added\. Your exam date is now Monday,? 14 December 2026\.$/,
    );
    expect(useHistoryStore.getState().answers.map((a) => a.itemId)).toEqual([
      'i-1',
      'i-2',
      'p-1',
      'so-1',
    ]);
    expect(useExamStore.getState().past.map((a) => a.id)).toEqual(['laptop-exam']);
    expect(Object.keys(useReviewStore.getState().cards).sort()).toEqual(
      [reviewKey('mini', 'i-1'), reviewKey('mini', 'p-1')].sort(),
    );

    // The same file again adds nothing.
    await user.upload(screen.getByLabelText('Backup file'), backupFile(text));
    expect(await within(importSection()).findByRole('status')).toHaveTextContent(
      ': 0 answers added, 3 already here; 0 exam attempts added.',
    );
    expect(useHistoryStore.getState().answers).toHaveLength(4);
  });

  it.each([
    [
      'a hostile file',
      () =>
        JSON.stringify(createBackup(otherDevice(), at)).replace(
          '"responses":{',
          '"responses":{"__proto__":{"isAdmin":true},',
        ),
      'itil-practice-backup-2026-11-22.json: exams.past[0].responses has a field named "__proto__", which no backup has',
    ],
    [
      'a file with a wrong value',
      () =>
        JSON.stringify(
          createBackup(
            otherDevice((c) => ((c.answers[0] as AnswerRecord).at = 1e300)),
            at,
          ),
        ),
      'itil-practice-backup-2026-11-22.json: answers[0].at must be a time between 1970 and 2200, not 1e+300',
    ],
    [
      'a file cut short',
      () => JSON.stringify(createBackup(otherDevice(), at)).slice(0, 300),
      /^itil-practice-backup-2026-11-22\.json: is not valid JSON, so it may have been cut short/,
    ],
  ])('refuses %s, says what is wrong, and changes nothing', async (_case, text, problem) => {
    const mine = [answer('so-1', 30, true)];
    useHistoryStore.setState({ answers: mine });
    const savedBefore = localStorage.getItem(HISTORY_STORAGE_KEY);
    const { user } = await openDataPage();
    await user.upload(screen.getByLabelText('Backup file'), backupFile(text()));

    const alert = await within(importSection()).findByRole('alert');
    expect(alert).toHaveTextContent(
      '“itil-practice-backup-2026-11-22.json” was not imported. Nothing on this device was changed.',
    );
    const problems = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    if (typeof problem === 'string') expect(problems).toContain(problem);
    else expect(problems).toContainEqual(expect.stringMatching(problem));
    expect(useHistoryStore.getState().answers).toBe(mine);
    expect(localStorage.getItem(HISTORY_STORAGE_KEY)).toBe(savedBefore);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses a file too big to be a backup without reading it', async () => {
    const { user } = await openDataPage();
    const huge = backupFile('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: 25 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'text');
    await user.upload(screen.getByLabelText('Backup file'), huge);
    expect(await within(importSection()).findByRole('alert')).toHaveTextContent(
      'huge.json: is 25.0 MB, and a backup from this app is never more than 20 MB, so it is not one',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('asks before replacing an exam in progress here, by keyboard', async () => {
    useExamStore.setState({ current: attempt('phone-exam', 500, false), past: [] });
    const savedExam = localStorage.getItem(EXAM_STORAGE_KEY);
    const { user } = await openDataPage();
    const file = otherDevice((c) => (c.exams.current = attempt('laptop-now', 600, false)));
    await user.upload(
      screen.getByLabelText('Backup file'),
      backupFile(JSON.stringify(createBackup(file, at))),
    );

    const question = await screen.findByRole('heading', {
      name: 'Which exam in progress do you keep?',
    });
    expect(question).toHaveFocus();
    // Nothing is imported until the student answers.
    expect(useHistoryStore.getState().answers).toEqual([]);
    expect(localStorage.getItem(EXAM_STORAGE_KEY)).toBe(savedExam);
    const keep = screen.getByRole('radio', { name: /^The one on this device: started/ });
    expect(keep).toBeChecked();
    expect(
      screen.getByRole('radio', { name: /^The one in the file: started .*; 1 of 4 answered$/ }),
    ).not.toBeChecked();

    await user.tab();
    expect(keep).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Import' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(importSection()).findByRole('status')).toHaveTextContent(
      '3 answers added, 0 already here; 1 exam attempt added. The exam in progress in the file replaced the one on this device.',
    );
    expect(useExamStore.getState().current?.id).toBe('laptop-now');
  });

  it('keeps the exam in progress here when the student cancels, and imports nothing', async () => {
    useExamStore.setState({ current: attempt('phone-exam', 500, false), past: [] });
    const { user } = await openDataPage();
    const file = otherDevice((c) => (c.exams.current = attempt('laptop-now', 600, false)));
    await user.upload(
      screen.getByLabelText('Backup file'),
      backupFile(JSON.stringify(createBackup(file, at))),
    );
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(useExamStore.getState().current?.id).toBe('phone-exam');
    expect(useHistoryStore.getState().answers).toEqual([]);
  });
});
