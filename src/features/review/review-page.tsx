import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Item } from '../../engine/bank-schema';
import type { LoadedBank } from '../../engine/load-bank';
import { optionOrder } from '../../engine/practice';
import { dayOf, type DayNumber } from '../../engine/progress-days';
import {
  dueCards,
  effectiveDue,
  gradeFor,
  nextDueAfter,
  QUICK_MS,
  reviewKey,
  type ReviewCards,
} from '../../engine/review-schedule';
import { isCorrect } from '../../engine/scoring';
import { useBankIds, useBankLoad } from '../../state/banks-store';
import { useHistoryStore } from '../../state/history-store';
import { useReviewStore } from '../../state/review-store';
import { useExamDay } from '../../state/settings-store';
import { BankError, Loading } from '../../ui/bank-status';
import { formatClockTime, formatDayShort, plural } from '../../ui/dates';
import { InstantFeedbackQuestion } from '../../ui/instant-feedback-question';

const GRADE_WORDS = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
/** At most this many questions a session, most overdue first: the end screen offers the rest. */
const REVIEW_SESSION_SIZE = 20;

/** When a review falls due, in words: "in 10 minutes", "later today at 16:40", "in 3 days (Thu 26 Nov)". */
function whenDue(due: number, now: number): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const days = dayOf(due) - dayOf(now);
  if (days <= 0) return `later today at ${formatClockTime(due)}`;
  if (days === 1) return `tomorrow (${formatDayShort(dayOf(due))})`;
  return `in ${plural(days, 'day')} (${formatDayShort(dayOf(due))})`;
}

/** The items of a bank due for review by `until`, most overdue first. */
function dueItemIds(
  cards: ReviewCards,
  bank: LoadedBank,
  until: number,
  examDay: DayNumber | null,
): string[] {
  return dueCards(cards, bank.manifest.id, until, examDay, (id) => bank.itemsById.has(id)).map(
    (c) => c.itemId,
  );
}

/** A review session: the questions due now, one at a time, each rescheduled by how it went. */
export function ReviewPage() {
  const bankIds = useBankIds();
  const [params] = useSearchParams();
  const bankId = params.get('bank') ?? bankIds[0];
  const load = useBankLoad(bankId);
  if (bankId === undefined) {
    return (
      <>
        <h1>Review</h1>
        <p>No question banks are installed.</p>
      </>
    );
  }
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  return <ReviewSession key={load.bank.manifest.id} bank={load.bank} />;
}

function ReviewSession({ bank }: { bank: LoadedBank }) {
  const examDay = useExamDay();
  // The session's questions are fixed when it starts; answers reschedule them in the store.
  const [queue, setQueue] = useState(() =>
    dueItemIds(useReviewStore.getState().cards, bank, Date.now(), examDay).slice(
      0,
      REVIEW_SESSION_SIZE,
    ),
  );
  const [position, setPosition] = useState(0);
  const [recalled, setRecalled] = useState(0);

  const restart = () => {
    setQueue(
      dueItemIds(useReviewStore.getState().cards, bank, Date.now(), examDay).slice(
        0,
        REVIEW_SESSION_SIZE,
      ),
    );
    setPosition(0);
    setRecalled(0);
  };

  const itemId = queue[position];
  if (itemId === undefined) {
    return (
      <SessionEnd
        bank={bank}
        examDay={examDay}
        reviewed={queue.length}
        recalled={recalled}
        onRestart={restart}
      />
    );
  }
  return (
    <ReviewQuestion
      key={`${position}-${itemId}`}
      bank={bank}
      item={bank.itemsById.get(itemId) as Item}
      position={position}
      total={queue.length}
      examDay={examDay}
      onAnswered={(correct) => correct && setRecalled((n) => n + 1)}
      onNext={() => setPosition((p) => p + 1)}
    />
  );
}

function SessionEnd({
  bank,
  examDay,
  reviewed,
  recalled,
  onRestart,
}: {
  bank: LoadedBank;
  examDay: DayNumber | null;
  reviewed: number;
  recalled: number;
  onRestart: () => void;
}) {
  const cards = useReviewStore((s) => s.cards);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [now] = useState(() => Date.now());
  const bankId = bank.manifest.id;
  const has = (id: string) => bank.itemsById.has(id);
  const dueNow = dueItemIds(cards, bank, now, examDay).length;
  const next = nextDueAfter(cards, bankId, now, examDay, has);
  const queued = Object.values(cards).some((c) => c.bankId === bankId && has(c.itemId));

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {reviewed > 0 ? 'Review finished' : 'Review'}
      </h1>
      {reviewed > 0 && (
        <p className="score">
          You reviewed {plural(reviewed, 'question')} and recalled <strong>{recalled}</strong>.
        </p>
      )}
      {!queued ? (
        <>
          <p>
            Nothing to review yet. Every question you answer wrongly, in practice or in a mock exam,
            comes back here on a schedule: soon after the mistake, then at growing intervals while
            you keep getting it right.
          </p>
          <div className="actions">
            <Link className="button button--primary" to={`/practice?bank=${bankId}`}>
              Practise by topic
            </Link>
          </div>
        </>
      ) : dueNow > 0 ? (
        <>
          <p>{plural(dueNow, 'question')} due for review now.</p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={onRestart}>
              {dueNow > REVIEW_SESSION_SIZE
                ? `Review the next ${REVIEW_SESSION_SIZE}`
                : `Review the ${plural(dueNow, 'question')} due now`}
            </button>
          </div>
        </>
      ) : (
        <p>
          {reviewed > 0 ? 'Nothing else is due now.' : 'All caught up: nothing is due now.'}
          {next !== null && ` The next review is due ${whenDue(next, now)}.`}
        </p>
      )}
      <div className="actions">
        <Link className="button" to={`/progress?bank=${bankId}`}>
          See your progress
        </Link>
      </div>
    </>
  );
}

interface ReviewResponse {
  choice: string;
  correct: boolean;
  ms: number;
  at: number;
}

function ReviewQuestion({
  bank,
  item,
  position,
  total,
  examDay,
  onAnswered,
  onNext,
}: {
  bank: LoadedBank;
  item: Item;
  position: number;
  total: number;
  examDay: DayNumber | null;
  onAnswered: (correct: boolean) => void;
  onNext: () => void;
}) {
  const bankId = bank.manifest.id;
  const recordAnswer = useHistoryStore((s) => s.recordAnswer);
  const card = useReviewStore((s) => s.cards[reviewKey(bankId, item.id)]);
  const [order] = useState(() => optionOrder(item, Math.random));
  const [response, setResponse] = useState<ReviewResponse | null>(null);
  const isLast = position === total - 1;
  const topic = bank.tree.byId.get(item.topics[0] ?? '');

  const answer = (choice: string, ms: number) => {
    const result = { choice, correct: isCorrect(item, choice), ms, at: Date.now() };
    // Recording the answer is what reschedules the card (the review store follows the history).
    recordAnswer({ bankId, itemId: item.id, ...result, mode: 'review' });
    setResponse(result);
    onAnswered(result.correct);
  };

  const grade = response === null ? null : gradeFor(response);
  const due = card === undefined ? null : effectiveDue(card, examDay);

  return (
    <InstantFeedbackQuestion
      heading={`Review ${position + 1} of ${total}`}
      progress={{
        value: position + (response === null ? 0 : 1),
        max: total,
        label: 'Review progress',
      }}
      topicTitle={topic?.title}
      item={item}
      order={order}
      response={response}
      onAnswer={answer}
      onNext={onNext}
      nextLabel={isLast ? 'Finish the review' : 'Next question'}
    >
      <p className="review-schedule">
        Rated <strong>{grade === null ? '' : GRADE_WORDS[grade]}</strong>
        {response === null
          ? ''
          : response.correct
            ? response.ms < QUICK_MS
              ? ` (right within ${QUICK_MS / 1000} seconds)`
              : ' (right)'
            : ' (missed)'}
        {due !== null && response !== null && `: next review ${whenDue(due, response.at)}`}
        {card !== undefined && due !== null && due < card.due && ', before your exam'}.
      </p>
    </InstantFeedbackQuestion>
  );
}
