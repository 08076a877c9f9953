import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerIdentity, type AnswerRecord } from '../../engine/answers';
import { HistoryPacker, packHistory } from '../../engine/history-codec';
import { applyAnswers, reviewKey } from '../../engine/review-schedule';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../history-store';
import { useReviewStore } from '../review-store';
import { SETTINGS_STORAGE_KEY, useSettingsStore } from '../settings-store';
import { useStorageProblems } from '../safe-storage';

const at = Date.UTC(2026, 10, 23, 9);
const answer = (itemId: string, minutes: number, correct = false): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 8_000,
  mode: 'practice',
  at: at + minutes * 60_000,
});

/** What another tab of the app does when it saves: write the key, which fires `storage` here. */
function otherTabSaves(key: string, value: unknown, { announce = true } = {}) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  localStorage.setItem(key, text);
  if (announce) {
    window.dispatchEvent(
      new StorageEvent('storage', { key, newValue: text, storageArea: localStorage }),
    );
  }
}
const savedHistory = (answers: AnswerRecord[]) => ({ state: packHistory(answers), version: 2 });
const storedAnswers = () =>
  HistoryPacker.restore(
    (JSON.parse(localStorage.getItem(HISTORY_STORAGE_KEY) ?? '{}') as { state?: unknown }).state,
  ).answers;
const ids = (answers: readonly AnswerRecord[]) => answers.map(answerIdentity).sort();

describe('two tabs', () => {
  beforeEach(async () => {
    localStorage.clear();
    useHistoryStore.setState({ answers: [] });
    useReviewStore.setState({ cards: {}, applied: 0, lastApplied: null });
    localStorage.clear();
    useStorageProblems.setState({ problems: [] });
    // Both tabs start from the same saved (empty) history.
    await useHistoryStore.persist.rehydrate();
  });

  it('keeps the answers given in either tab: the union, never the last writer’s', () => {
    const { recordAnswer } = useHistoryStore.getState();
    recordAnswer(answer('mine-1', 1));
    recordAnswer(answer('mine-2', 5));
    // The other tab had not seen ours when it saved its own answer.
    otherTabSaves(HISTORY_STORAGE_KEY, savedHistory([answer('theirs-1', 3)]));

    const expected = [answer('mine-1', 1), answer('theirs-1', 3), answer('mine-2', 5)];
    expect(useHistoryStore.getState().answers).toEqual(expected);
    // This tab had answers the saved copy lacked, so it saved the union at once.
    expect(storedAnswers()).toEqual(expected);
  });

  it('merges what another tab saved before writing over it, even before the event arrives', () => {
    useHistoryStore.getState().recordAnswer(answer('mine-1', 1));
    otherTabSaves(HISTORY_STORAGE_KEY, savedHistory([answer('mine-1', 1), answer('theirs-1', 2)]), {
      announce: false,
    });
    useHistoryStore.getState().recordAnswer(answer('mine-2', 3));
    const all = [answer('mine-1', 1), answer('theirs-1', 2), answer('mine-2', 3)];
    expect(ids(storedAnswers())).toEqual(ids(all));
    expect(ids(useHistoryStore.getState().answers)).toEqual(ids(all));
  });

  it('does not save again when the other tab’s copy already holds everything (no ping-pong)', () => {
    useHistoryStore.getState().recordAnswer(answer('mine-1', 1));
    const write = vi.spyOn(Storage.prototype, 'setItem');
    otherTabSaves(HISTORY_STORAGE_KEY, savedHistory([answer('mine-1', 1), answer('theirs-1', 2)]));
    expect(useHistoryStore.getState().answers).toHaveLength(2);
    // Only the other tab's own write: this tab had nothing the copy lacked.
    expect(write.mock.calls.filter(([key]) => key === HISTORY_STORAGE_KEY)).toHaveLength(1);
  });

  it('reads a copy saved by the previous version of the app in another tab', () => {
    otherTabSaves(HISTORY_STORAGE_KEY, { state: { answers: [answer('old-1', 1)] }, version: 1 });
    expect(useHistoryStore.getState().answers).toEqual([answer('old-1', 1)]);
  });

  it('ignores a copy it cannot read, without setting it aside or reporting this tab’s data', () => {
    useHistoryStore.getState().recordAnswer(answer('mine-1', 1));
    otherTabSaves(HISTORY_STORAGE_KEY, '{"state":{"answers":');
    expect(useHistoryStore.getState().answers).toEqual([answer('mine-1', 1)]);
    expect(useStorageProblems.getState().problems).toEqual([]);
    useHistoryStore.getState().recordAnswer(answer('mine-2', 2));
    expect(storedAnswers()).toHaveLength(2);
  });

  it('reschedules the review cards of items the other tab answered in between', () => {
    const { recordAnswer } = useHistoryStore.getState();
    recordAnswer(answer('shared', 0));
    recordAnswer(answer('mine', 10));
    // The other tab answered `shared` again, and `theirs`, before this tab's last answer.
    otherTabSaves(
      HISTORY_STORAGE_KEY,
      savedHistory([answer('shared', 0), answer('shared', 4, true), answer('theirs', 5)]),
    );
    const history = useHistoryStore.getState().answers;
    expect(history).toHaveLength(4);
    const { cards, applied } = useReviewStore.getState();
    expect(applied).toBe(4);
    expect(cards).toEqual(applyAnswers({}, history));
    expect(Object.keys(cards).sort()).toEqual(
      [reviewKey('mini', 'mine'), reviewKey('mini', 'shared'), reviewKey('mini', 'theirs')].sort(),
    );
  });

  it('follows a setting changed in another tab', () => {
    useSettingsStore.getState().setExamDate('2026-12-01');
    otherTabSaves(SETTINGS_STORAGE_KEY, { state: { examDate: '2026-12-14' }, version: 1 });
    expect(useSettingsStore.getState().examDate).toBe('2026-12-14');
  });

  it('catches up on coming back from the back/forward cache', () => {
    useHistoryStore.getState().recordAnswer(answer('mine-1', 1));
    otherTabSaves(HISTORY_STORAGE_KEY, savedHistory([answer('theirs-1', 2)]), { announce: false });
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(ids(useHistoryStore.getState().answers)).toEqual(
      ids([answer('mine-1', 1), answer('theirs-1', 2)]),
    );
  });
});
