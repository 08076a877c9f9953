import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAM_STORAGE_KEY, useExamStore } from '../../features/exam/exam-store';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../../state/history-store';
import { damagedCopyKey, useStorageProblems } from '../../state/safe-storage';
import { renderApp, resetSavedState } from '../../test/render-app';

describe('damaged saved state', () => {
  beforeEach(() => {
    resetSavedState();
    useStorageProblems.setState({ problems: [] });
  });

  it('starts the app, says what happened, offers the damaged copy and keeps everything else', async () => {
    const answer = {
      bankId: 'itil-2011-foundation',
      itemId: 'so-001',
      choice: 'a',
      correct: true,
      ms: 4000,
      mode: 'practice',
      at: 1_700_000_000_000,
    };
    const history = { state: { answers: [answer] }, version: 1 };
    localStorage.setItem(HISTORY_STORAGE_KEY, JSON.stringify(history));
    localStorage.setItem(EXAM_STORAGE_KEY, '{"state":{"current":{"id":'); // half-written
    await useHistoryStore.persist.rehydrate();
    await useExamStore.persist.rehydrate();

    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The saved copy of your mock exams on this device was damaged');
    expect(screen.getByRole('link', { name: 'Download the damaged copy' })).toHaveAttribute(
      'download',
      `${EXAM_STORAGE_KEY}.damaged.json`,
    );
    expect(localStorage.getItem(damagedCopyKey(EXAM_STORAGE_KEY))).toBe(
      '{"state":{"current":{"id":',
    );
    expect(
      await screen.findByRole('heading', { name: 'ITIL 2011 Foundation' }),
    ).toBeInTheDocument();
    expect(useExamStore.getState().current).toBeNull();
    expect(useHistoryStore.getState().answers).toEqual([answer]);
  });
});
