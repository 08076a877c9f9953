import type { BackupContent } from '../engine/backup';
import { DataPage, type ProgressStores } from '../features/data/data-page';
import { useExamStore } from '../features/exam/exam-store';
import { useHistoryStore } from '../state/history-store';
import { useReviewStore } from '../state/review-store';
import { useSettingsStore } from '../state/settings-store';

let last: BackupContent | null = null;

/**
 * The stores the data page backs up and imports into. Composed here, where features meet: the
 * exams are the exam feature's store.
 */
const progressStores: ProgressStores = {
  read: () => {
    const { answers } = useHistoryStore.getState();
    const { current, past } = useExamStore.getState();
    const { cards } = useReviewStore.getState();
    const { examDate } = useSettingsStore.getState();
    if (
      last?.answers !== answers ||
      last.exams.current !== current ||
      last.exams.past !== past ||
      last.review.cards !== cards ||
      last.settings.examDate !== examDate
    ) {
      last = { answers, exams: { current, past }, review: { cards }, settings: { examDate } };
    }
    return last;
  },
  subscribe: (listener) => {
    const unsubscribes = [
      useHistoryStore.subscribe(listener),
      useExamStore.subscribe(listener),
      useReviewStore.subscribe(listener),
      useSettingsStore.subscribe(listener),
    ];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  },
  write: ({ answers, exams, review, settings }) => {
    // The review cards first, worked out for the merged history, so that the review store does
    // not work them out again when the history changes.
    useReviewStore.getState().adopt(review.cards, answers);
    useExamStore.setState({ current: exams.current, past: exams.past });
    useSettingsStore.getState().setExamDate(settings.examDate);
    useHistoryStore.setState({ answers });
  },
};

/** The "Your data" page (route /data), loaded lazily with the backup code and its schema. */
export function DataRoute() {
  return <DataPage stores={progressStores} />;
}
