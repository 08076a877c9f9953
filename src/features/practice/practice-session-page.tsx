import { useEffect, useRef } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { Item } from '../../engine/bank-schema';
import { isCorrect } from '../../engine/scoring';
import { useBankLoad } from '../../state/banks-store';
import { useHistoryStore } from '../../state/history-store';
import { BankError, Loading } from '../../ui/bank-status';
import { letterAt } from '../../ui/letters';
import { OptionReview } from '../../ui/option-review';
import { usePracticeStore, type PracticeResponse } from './practice-store';

/** One practice question at a time, with instant feedback after each answer. */
export function PracticeSessionPage() {
  const session = usePracticeStore((s) => s.session);
  const load = useBankLoad(session?.bankId);
  if (session === null) {
    return (
      <>
        <h1>Practice</h1>
        <p>There is no practice session in progress.</p>
        <Link className="button button--primary" to="/practice">
          Choose topics to practise
        </Link>
      </>
    );
  }
  if (session.finishedAt !== null) return <Navigate to="/practice/summary" replace />;
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  const itemId = session.itemIds[session.index] ?? '';
  const item = load.bank.itemsById.get(itemId);
  const topic = item === undefined ? undefined : load.bank.tree.byId.get(item.topics[0] ?? '');
  return (
    <PracticeQuestion
      key={itemId}
      bankId={session.bankId}
      item={item}
      itemId={itemId}
      topicTitle={topic?.title ?? ''}
      position={session.index}
      total={session.itemIds.length}
      order={session.optionOrders[itemId] ?? item?.options.map((o) => o.id) ?? []}
      response={session.responses[itemId]}
    />
  );
}

function PracticeQuestion({
  bankId,
  item,
  itemId,
  topicTitle,
  position,
  total,
  order,
  response,
}: {
  bankId: string;
  item: Item | undefined;
  itemId: string;
  topicTitle: string;
  position: number;
  total: number;
  order: readonly string[];
  response: PracticeResponse | undefined;
}) {
  const navigate = useNavigate();
  const respond = usePracticeStore((s) => s.respond);
  const next = usePracticeStore((s) => s.next);
  const finish = usePracticeStore((s) => s.finish);
  const recordAnswer = useHistoryStore((s) => s.recordAnswer);
  const shownAt = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const isLast = position === total - 1;

  useEffect(() => {
    shownAt.current = Date.now();
    headingRef.current?.focus();
  }, []);

  const answer = (choice: string) => {
    if (item === undefined || response !== undefined) return;
    const correct = isCorrect(item, choice);
    const at = Date.now();
    recordAnswer({
      bankId,
      itemId: item.id,
      choice,
      correct,
      ms: at - shownAt.current,
      mode: 'practice',
      at,
    });
    respond(item.id, { choice, correct });
  };

  const goOn = () => {
    if (isLast) {
      finish(Date.now());
      void navigate('/practice/summary');
    } else {
      next();
    }
  };

  useEffect(() => {
    if (response !== undefined) nextRef.current?.focus();
  }, [response]);

  const answerRef = useRef(answer);
  const goOnRef = useRef(goOn);
  useEffect(() => {
    answerRef.current = answer;
    goOnRef.current = goOn;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'Enter') {
        if (response === undefined || target?.closest('button, a')) return;
        event.preventDefault();
        goOnRef.current();
        return;
      }
      const position =
        '12345'.indexOf(event.key) >= 0
          ? '12345'.indexOf(event.key)
          : 'abcde'.indexOf(event.key.toLowerCase());
      if (
        event.key.length === 1 &&
        position >= 0 &&
        position < order.length &&
        response === undefined
      ) {
        event.preventDefault();
        answerRef.current(order[position] as string);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [order, response]);

  const keyPosition = item === undefined ? -1 : order.indexOf(item.answer);

  return (
    <article className="question" aria-labelledby="question-heading">
      <header className="question__header">
        <h1 id="question-heading" ref={headingRef} tabIndex={-1}>
          Question {position + 1} of {total}
        </h1>
        <progress
          max={total}
          value={position + (response === undefined ? 0 : 1)}
          aria-label="Session progress"
        />
        {topicTitle !== '' && <p className="question__topic">{topicTitle}</p>}
      </header>
      {item === undefined ? (
        <>
          <p>This question ({itemId}) is no longer in the bank.</p>
          <button type="button" className="button button--primary" onClick={goOn}>
            {isLast ? 'See your results' : 'Skip to the next question'}
          </button>
        </>
      ) : (
        <>
          <p className="stem">{item.stem}</p>
          {response === undefined ? (
            <div role="group" aria-label="Answers" className="answer-list">
              <p className="hint" id="answer-hint">
                Choose an answer. Keys 1 to {order.length} or A to {letterAt(order.length - 1)} work
                too.
              </p>
              {order.map((optionId, index) => {
                const option = item.options.find((o) => o.id === optionId);
                return (
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
                    {option?.text}
                  </button>
                );
              })}
            </div>
          ) : (
            <section className="feedback" aria-labelledby="feedback-heading">
              <h2
                id="feedback-heading"
                className={response.correct ? 'feedback__right' : 'feedback__wrong'}
              >
                {response.correct
                  ? '✓ Correct'
                  : `✗ Incorrect: the answer is ${letterAt(keyPosition)}`}
              </h2>
              <p className="feedback__explanation">{item.explanation}</p>
              <OptionReview item={item} order={order} choice={response.choice} />
              <button ref={nextRef} type="button" className="button button--primary" onClick={goOn}>
                {isLast ? 'See your results' : 'Next question'}
              </button>
              <p className="hint">Press Enter to go on.</p>
            </section>
          )}
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {response === undefined
          ? ''
          : response.correct
            ? 'Correct.'
            : `Incorrect. The right answer is ${letterAt(keyPosition)}.`}
      </p>
    </article>
  );
}
