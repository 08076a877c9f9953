import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ExamAttempt } from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { isCorrect } from '../../engine/scoring';
import { useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { letterAt } from '../../ui/letters';
import { OptionReview } from '../../ui/option-review';
import { usePastAttempt } from './attempt-lookup';

type Filter = 'all' | 'wrong' | 'flagged' | 'unanswered';

/** Every question of an attempt with the answer given, the key and every option's reasoning. */
export function ExamReviewPage() {
  const { attemptId } = useParams();
  const attempt = usePastAttempt(attemptId);
  const load = useBankLoad(attempt?.bankId);
  if (attempt === undefined) {
    return (
      <>
        <h1>Review</h1>
        <p>There is no submitted attempt with this address.</p>
        <Link to="/exam/history">Your past attempts</Link>
      </>
    );
  }
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  return <Review attempt={attempt} bank={load.bank} />;
}

function Review({ attempt, bank }: { attempt: ExamAttempt; bank: LoadedBank }) {
  const [filter, setFilter] = useState<Filter>('all');
  const name = useId();
  const rows = attempt.itemIds.map((id, n) => {
    const item = bank.itemsById.get(id);
    const choice = attempt.responses[id] ?? null;
    return {
      id,
      n,
      item,
      choice,
      wrong: item === undefined || !isCorrect(item, choice),
      flagged: attempt.flagged.includes(id),
      unanswered: choice === null,
    };
  });
  const matches = (row: (typeof rows)[number], f: Filter) =>
    f === 'all' || (f === 'wrong' ? row.wrong : f === 'flagged' ? row.flagged : row.unanswered);
  const shown = rows.filter((row) => matches(row, filter));
  const filters: { value: Filter; label: string }[] = [
    { value: 'all', label: 'All' },
    { value: 'wrong', label: 'Wrong' },
    { value: 'flagged', label: 'Flagged' },
    { value: 'unanswered', label: 'Unanswered' },
  ];
  return (
    <>
      <h1>Review of your {attempt.kind === 'mock' ? 'mock exam' : 'retake'}</h1>
      <p>
        <Link to={`/exam/results/${attempt.id}`}>Back to the results</Link>
      </p>
      <fieldset>
        <legend>Show</legend>
        <div className="segmented">
          {filters.map((f) => (
            <label key={f.value}>
              <input
                type="radio"
                name={name}
                checked={filter === f.value}
                onChange={() => setFilter(f.value)}
              />
              {f.label} ({rows.filter((row) => matches(row, f.value)).length})
            </label>
          ))}
        </div>
      </fieldset>
      {shown.length === 0 && <p>No questions match this filter.</p>}
      {shown.map(({ id, n, item, choice, wrong, flagged }) => {
        const order = attempt.optionOrders[id] ?? item?.options.map((o) => o.id) ?? [];
        const chosenAt = choice === null ? -1 : order.indexOf(choice);
        return (
          <article key={id} className="card review-item" aria-labelledby={`review-${id}`}>
            <h2 id={`review-${id}`}>
              Question {n + 1}: {wrong ? '✗ wrong' : '✓ right'}
              {flagged ? ' · ⚑ flagged' : ''}
            </h2>
            {item === undefined ? (
              <p>This question is no longer in the bank.</p>
            ) : (
              <>
                <p className="stem">{item.stem}</p>
                <p>
                  Your answer: {chosenAt < 0 ? 'not answered' : `${letterAt(chosenAt)}`}. Correct
                  answer: {letterAt(order.indexOf(item.answer))}.
                </p>
                <p>{item.explanation}</p>
                <OptionReview item={item} order={order} choice={choice} />
              </>
            )}
          </article>
        );
      })}
    </>
  );
}
