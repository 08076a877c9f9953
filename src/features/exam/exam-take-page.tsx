import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { remainingMs, type ExamAttempt } from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { letterAt, optionPositionForKey } from '../../ui/letters';
import { useExamLock } from './exam-lock';
import { useExamStore } from './exam-store';
import { formatClock, useNow } from './use-now';

const MINUTE = 60_000;

/** The exam in progress: one question at a time, a navigator, flags, the clock and submission. */
export function ExamTakePage() {
  const current = useExamStore((s) => s.current);
  const load = useBankLoad(current?.bankId);
  const lock = useExamLock(current?.id ?? null);
  const [tookOver, setTookOver] = useState(false);
  if (current === null) {
    return (
      <>
        <h1>Mock exam</h1>
        <p>There is no exam in progress.</p>
        <Link className="button button--primary" to="/exam">
          Start a mock exam
        </Link>
      </>
    );
  }
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  if (lock.elsewhere) {
    return (
      <OpenElsewhere
        onTakeOver={() => {
          lock.takeOver();
          setTookOver(true);
        }}
      />
    );
  }
  return <ExamSitting attempt={current} bank={load.bank} focusQuestion={tookOver} />;
}

/** Shown instead of the exam while another tab is answering it: nothing here accepts answers. */
function OpenElsewhere({ onTakeOver }: { onTakeOver: () => void }) {
  return (
    <section className="notice" aria-labelledby="exam-elsewhere">
      <h1 id="exam-elsewhere">This exam is open in another tab</h1>
      <p>
        An exam is answered in one tab at a time, so that no answer is lost. Carry on in the other
        tab, or take the exam over here: the other tab then stops accepting answers. Your answers so
        far are kept either way, and the clock keeps running.
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onTakeOver}>
          Take it over here
        </button>
        <Link className="button" to="/">
          Back to the start
        </Link>
      </div>
    </section>
  );
}

/** The warning to announce and show, derived from the time left (never stored). */
function timeWarning(remaining: number | null): string {
  if (remaining === null || remaining > 10 * MINUTE) return '';
  if (remaining > 5 * MINUTE) return '10 minutes left.';
  return remaining > 0
    ? '5 minutes left. Unanswered questions score nothing: answer them now.'
    : '';
}

/**
 * The count, the clock and its warnings: the one part of the exam that changes every second, so
 * only it renders on each tick. At zero it submits what was answered, which also catches a deadline
 * passed while the student was away.
 */
function ExamBar({
  attempt,
  bank,
  answered,
}: {
  attempt: ExamAttempt;
  bank: LoadedBank;
  answered: number;
}) {
  const navigate = useNavigate();
  const now = useNow();
  const { settle } = useExamStore.getState();
  const [clockHidden, setClockHidden] = useState(false);
  const remaining = remainingMs(attempt, now);
  const warning = timeWarning(remaining);

  useEffect(() => {
    const id = settle(bank, now);
    if (id !== null) void navigate(`/exam/results/${id}`, { replace: true });
  }, [bank, now, settle, navigate]);

  return (
    <>
      <div className="exam__bar">
        <p className="exam__count">
          {answered} of {attempt.itemIds.length} answered
        </p>
        {remaining !== null && (
          <div className="exam__clock">
            {!clockHidden && (
              <p
                role="timer"
                aria-label="Time left"
                className={warning === '' ? '' : 'exam__clock--low'}
              >
                {formatClock(remaining)}
              </p>
            )}
            <button
              type="button"
              className="button button--small"
              aria-pressed={clockHidden}
              onClick={() => setClockHidden((hidden) => !hidden)}
            >
              {clockHidden ? 'Show the clock' : 'Hide the clock'}
            </button>
          </div>
        )}
        {remaining === null && <p className="muted">Untimed</p>}
      </div>
      <p className="exam__warning-text" aria-live="assertive">
        {warning}
      </p>
    </>
  );
}

function ExamSitting({
  attempt,
  bank,
  focusQuestion,
}: {
  attempt: ExamAttempt;
  bank: LoadedBank;
  /** Moves the focus to the question on arrival (after taking the exam over from another tab). */
  focusQuestion: boolean;
}) {
  const navigate = useNavigate();
  const { choose, toggleFlag, goTo, addTime, submit } = useExamStore.getState();
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const viewedSince = useRef(0);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (focusQuestion) headingRef.current?.focus();
  }, [focusQuestion]);

  const index = attempt.current;
  const itemId = attempt.itemIds[index] ?? '';
  const item = bank.itemsById.get(itemId);
  const order = attempt.optionOrders[itemId] ?? item?.options.map((o) => o.id) ?? [];
  const total = attempt.itemIds.length;
  const answered = attempt.itemIds.filter((id) => attempt.responses[id] !== undefined).length;
  const flagged = attempt.flagged.length;
  const unanswered = total - answered;

  // Time on each question, for the history; counted when the student moves on or leaves.
  useEffect(() => {
    viewedSince.current = Date.now();
    return () => addTime(itemId, Date.now() - viewedSince.current);
  }, [itemId, addTime]);

  const move = (to: number) => {
    setConfirming(false);
    goTo(to);
    headingRef.current?.focus();
  };

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyHandler.current = (event: KeyboardEvent) => {
      if (confirming || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented)
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('textarea, select, input[type="text"], [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      const position = optionPositionForKey(key);
      if (position >= 0 && position < order.length) {
        event.preventDefault();
        choose(itemId, order[position] as string);
      } else if (key === 'n' && index < total - 1) {
        event.preventDefault();
        move(index + 1);
      } else if (key === 'p' && index > 0) {
        event.preventDefault();
        move(index - 1);
      } else if (key === 'f') {
        event.preventDefault();
        toggleFlag(itemId);
      }
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const isFlagged = attempt.flagged.includes(itemId);
  const choice = attempt.responses[itemId];

  const finish = () => {
    addTime(itemId, Date.now() - viewedSince.current);
    viewedSince.current = Date.now();
    const id = submit(bank, Date.now(), 'student');
    if (id !== null) void navigate(`/exam/results/${id}`, { replace: true });
  };

  return (
    <div className="exam">
      <ExamBar attempt={attempt} bank={bank} answered={answered} />

      {confirming ? (
        <section
          className="notice"
          role="alertdialog"
          aria-labelledby="confirm-heading"
          aria-describedby="confirm-text"
        >
          {/* The page's heading while the question is set aside for the confirmation. */}
          <h1 id="confirm-heading" tabIndex={-1} ref={confirmRef}>
            Submit your exam?
          </h1>
          <p id="confirm-text">
            {unanswered === 0
              ? 'You have answered every question.'
              : `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered and will score nothing.`}{' '}
            {flagged === 0
              ? 'No question is flagged for review.'
              : `${flagged} question${flagged === 1 ? ' is' : 's are'} flagged for review.`}{' '}
            You cannot change your answers after submitting.
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={finish}>
              Submit the exam
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Return to the exam
            </button>
          </div>
        </section>
      ) : (
        <article aria-labelledby="exam-question-heading">
          <h1 id="exam-question-heading" ref={headingRef} tabIndex={-1}>
            Question {index + 1} of {total}
            {isFlagged && <span className="tag"> ⚑ Flagged</span>}
          </h1>
          <progress max={total} value={answered} aria-label="Questions answered" />
          {item === undefined ? (
            <p>
              This question ({itemId}) is no longer in the bank; it will be scored as unanswered.
            </p>
          ) : (
            <fieldset className="exam__options">
              <legend className="stem">{item.stem}</legend>
              {order.map((optionId, position) => {
                const option = item.options.find((o) => o.id === optionId);
                return (
                  <label
                    key={optionId}
                    className={`answer ${choice === optionId ? 'answer--chosen' : ''}`}
                  >
                    <input
                      type="radio"
                      name={`exam-${itemId}`}
                      value={optionId}
                      checked={choice === optionId}
                      onChange={() => choose(itemId, optionId)}
                    />
                    <span className="option-letter" aria-hidden="true">
                      {letterAt(position)}
                    </span>
                    <span className="visually-hidden">{letterAt(position)}: </span>
                    <span>{option?.text}</span>
                  </label>
                );
              })}
            </fieldset>
          )}
          <div className="actions exam__moves">
            <button
              type="button"
              className="button"
              disabled={index === 0}
              onClick={() => move(index - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={isFlagged}
              onClick={() => toggleFlag(itemId)}
            >
              {isFlagged ? '⚑ Unflag' : '⚐ Flag for review'}
            </button>
            {index < total - 1 ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => move(index + 1)}
              >
                Next
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setConfirming(true)}
              >
                Review and submit
              </button>
            )}
          </div>
          <p className="hint">
            Keys: 1 to {order.length} or A to {letterAt(order.length - 1)} to answer, N next, P
            previous, F flag.
          </p>
        </article>
      )}

      <nav aria-label="Question navigator" className="navigator">
        <ol>
          {attempt.itemIds.map((id, n) => {
            const isAnswered = attempt.responses[id] !== undefined;
            const isMarked = attempt.flagged.includes(id);
            const state = `${isAnswered ? 'answered' : 'unanswered'}${isMarked ? ', flagged' : ''}`;
            return (
              <li key={id}>
                <button
                  type="button"
                  className={`navigator__item ${isAnswered ? 'navigator__item--answered' : ''} ${isMarked ? 'navigator__item--flagged' : ''}`}
                  aria-current={n === index && !confirming ? 'step' : undefined}
                  aria-label={`Question ${n + 1}, ${state}`}
                  onClick={() => move(n)}
                >
                  {n + 1}
                  {isMarked && <span aria-hidden="true">⚑</span>}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="hint navigator__legend">
          Filled: answered. Outlined: unanswered. ⚑: flagged for review.
        </p>
      </nav>
      {!confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Submit the exam…
        </button>
      )}
      <p>
        <Link to="/">Leave for now</Link>: your answers are saved
        {attempt.deadline === null ? '.' : ', but the clock keeps running.'}
      </p>
    </div>
  );
}
