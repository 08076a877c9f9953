import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AnswerRecord } from '../../engine/answers';
import { topicResults } from '../../engine/scoring';
import { useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { formatPercent, TopicResultsTable } from '../../ui/topic-results-table';
import { usePracticeStore } from './practice-store';
import { startPractice } from './start-practice';

/** The end of a practice session: the score, the score per topic, and what to do next. */
export function PracticeSummaryPage() {
  const session = usePracticeStore((s) => s.session);
  const load = useBankLoad(session?.bankId);
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const responses = useMemo(
    () =>
      session === null
        ? []
        : session.itemIds.flatMap((itemId) => {
            const response = session.responses[itemId];
            return response === undefined ? [] : [{ itemId, ...response }];
          }),
    [session],
  );
  const results = useMemo(() => {
    if (load?.status !== 'ready' || session === null) return null;
    const answers: AnswerRecord[] = responses.map((r) => ({
      bankId: session.bankId,
      itemId: r.itemId,
      choice: r.choice,
      correct: r.correct,
      ms: 0,
      mode: 'practice',
      at: session.startedAt,
    }));
    return topicResults(load.bank.tree, load.bank.itemsById, answers);
  }, [load, session, responses]);

  if (session === null) {
    return (
      <>
        <h1>Practice summary</h1>
        <p>There is no finished practice session to show.</p>
        <Link className="button button--primary" to="/practice">
          Choose topics to practise
        </Link>
      </>
    );
  }
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;

  const correct = responses.filter((r) => r.correct).length;
  const wrongIds = responses.filter((r) => !r.correct).map((r) => r.itemId);
  const { bank } = load;

  const again = () => {
    if (startPractice(bank, { topicIds: session.topicIds, count: session.itemIds.length }) > 0) {
      void navigate('/practice/session');
    }
  };
  const retryWrong = () => {
    if (startPractice(bank, { itemIds: wrongIds }) > 0) void navigate('/practice/session');
  };

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Practice summary
      </h1>
      <p className="score">
        You answered <strong>{correct}</strong> of {responses.length} correctly (
        {formatPercent(responses.length === 0 ? null : correct / responses.length)}).
        {responses.length < session.itemIds.length &&
          ` ${session.itemIds.length - responses.length} question(s) were left unanswered.`}
      </p>
      {results !== null && (
        <TopicResultsTable tree={bank.tree} results={results} caption="Score per topic" />
      )}
      <div className="actions">
        {wrongIds.length > 0 && (
          <button type="button" className="button button--primary" onClick={retryWrong}>
            Retry the {wrongIds.length} I got wrong
          </button>
        )}
        {session.topicIds.length > 0 && (
          <button type="button" className="button" onClick={again}>
            Practise these topics again
          </button>
        )}
        <Link className="button" to="/practice">
          Choose other topics
        </Link>
      </div>
      <h2>Questions in this session</h2>
      <ol className="session-items">
        {session.itemIds.map((itemId) => {
          const item = bank.itemsById.get(itemId);
          const response = session.responses[itemId];
          const mark =
            response === undefined ? '– Not answered' : response.correct ? '✓ Right' : '✗ Wrong';
          return (
            <li key={itemId}>
              <span
                className={`mark ${response?.correct === true ? 'mark--right' : 'mark--wrong'}`}
              >
                {mark}
              </span>{' '}
              {item?.stem.split('\n')[0] ?? itemId}
            </li>
          );
        })}
      </ol>
    </>
  );
}
