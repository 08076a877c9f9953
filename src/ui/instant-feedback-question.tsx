import { useEffect, useRef, type ReactNode } from 'react';
import type { Item } from '../engine/bank-schema';
import { letterAt, optionPositionForKey } from './letters';
import { OptionReview } from './option-review';

/** An answer given to a question with instant feedback. */
export interface InstantResponse {
  choice: string;
  correct: boolean;
}

/**
 * One question answered with instant feedback (practice and review): the options as buttons, then
 * right or wrong, the explanation and every option's reasoning. Keys 1-5 or A-E answer, Enter goes
 * on; focus moves to the question when it appears and to the next button once answered, and the
 * result is announced. The parent keys it by item so each question starts fresh.
 */
export function InstantFeedbackQuestion({
  heading,
  progress,
  topicTitle,
  item,
  order,
  response,
  onAnswer,
  onNext,
  nextLabel,
  children,
}: {
  heading: string;
  progress: { value: number; max: number; label: string };
  topicTitle: string | undefined;
  item: Item;
  order: readonly string[];
  response: InstantResponse | null;
  /** The choice and the milliseconds since the question was shown. */
  onAnswer: (choice: string, ms: number) => void;
  onNext: () => void;
  nextLabel: string;
  /** More to say after the feedback, such as when the question comes back. */
  children?: ReactNode;
}) {
  const shownAt = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const answered = response !== null;

  useEffect(() => {
    shownAt.current = Date.now();
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (answered) nextRef.current?.focus();
  }, [answered]);

  const answer = (choice: string) => {
    if (!answered) onAnswer(choice, Date.now() - shownAt.current);
  };
  const latest = useRef({ answer, onNext });
  useEffect(() => {
    latest.current = { answer, onNext };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'Enter') {
        // On a button or link, Enter already activates it.
        if (!answered || target?.closest('button, a, summary')) return;
        event.preventDefault();
        latest.current.onNext();
        return;
      }
      const position = optionPositionForKey(event.key);
      if (!answered && position >= 0 && position < order.length) {
        event.preventDefault();
        latest.current.answer(order[position] as string);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [order, answered]);

  const keyLetter = letterAt(order.indexOf(item.answer));
  return (
    <article className="question" aria-labelledby="question-heading">
      <header className="question__header">
        <h1 id="question-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        <progress max={progress.max} value={progress.value} aria-label={progress.label} />
        {topicTitle !== undefined && topicTitle !== '' && (
          <p className="question__topic">{topicTitle}</p>
        )}
      </header>
      <p className="stem">{item.stem}</p>
      {response === null ? (
        <div role="group" aria-label="Answers" className="answer-list">
          <p className="hint">
            Choose an answer. Keys 1 to {order.length} or A to {letterAt(order.length - 1)} work
            too.
          </p>
          {order.map((optionId, index) => (
            <button
              key={optionId}
              type="button"
              className="answer"
              onClick={() => answer(optionId)}
              aria-keyshortcuts={`${index + 1} ${letterAt(index)}`}
            >
              <span className="option-letter" aria-hidden="true">
                {letterAt(index)}
              </span>
              <span className="visually-hidden">{letterAt(index)}: </span>
              {item.options.find((o) => o.id === optionId)?.text}
            </button>
          ))}
        </div>
      ) : (
        <section className="feedback" aria-labelledby="feedback-heading">
          <h2
            id="feedback-heading"
            className={response.correct ? 'feedback__right' : 'feedback__wrong'}
          >
            {response.correct ? '✓ Correct' : `✗ Incorrect: the answer is ${keyLetter}`}
          </h2>
          <p className="feedback__explanation">{item.explanation}</p>
          <OptionReview item={item} order={order} choice={response.choice} />
          {children}
          <button ref={nextRef} type="button" className="button button--primary" onClick={onNext}>
            {nextLabel}
          </button>
          <p className="hint">Press Enter to go on.</p>
        </section>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {response === null
          ? ''
          : response.correct
            ? 'Correct.'
            : `Incorrect. The right answer is ${keyLetter}.`}
      </p>
    </article>
  );
}
