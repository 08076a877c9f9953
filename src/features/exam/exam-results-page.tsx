import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { scoreAttempt, weakestTopics, type ExamAttempt } from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { isCorrect } from '../../engine/scoring';
import { useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { formatPercent, TopicResultsTable } from '../../ui/topic-results-table';
import { usePastAttempt } from './attempt-lookup';
import { startExam } from './start-exam';
import { formatDuration } from './use-now';

/** The result of a submitted attempt: score, pass or fail, time, topics weakest first, next steps. */
export function ExamResultsPage() {
  const { attemptId } = useParams();
  const attempt = usePastAttempt(attemptId);
  const load = useBankLoad(attempt?.bankId);
  if (attempt === undefined) {
    return (
      <>
        <h1>Exam results</h1>
        <p>There is no submitted attempt with this address.</p>
        <Link to="/exam/history">Your past attempts</Link>
      </>
    );
  }
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  return <Results attempt={attempt} bank={load.bank} />;
}

function Results({ attempt, bank }: { attempt: ExamAttempt; bank: LoadedBank }) {
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const result = useMemo(() => scoreAttempt(attempt, bank), [attempt, bank]);
  const weakest = weakestTopics(result.byTopic);
  const wrongIds = attempt.itemIds.filter((id) => {
    const item = bank.itemsById.get(id);
    return item !== undefined && !isCorrect(item, attempt.responses[id] ?? null);
  });
  // The leaves (processes, functions, concepts) most in need of practice.
  const practiseTopics = weakest
    .filter(
      (id) =>
        (result.byTopic.get(id)?.accuracy ?? 1) < 1 &&
        (bank.tree.children.get(id)?.length ?? 0) === 0,
    )
    .slice(0, 3);
  const isMock = attempt.kind === 'mock';

  const retake = () => {
    startExam(bank, 'untimed', wrongIds);
    void navigate('/exam/take');
  };

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {isMock ? 'Mock exam results' : 'Retake results'}
      </h1>
      <section
        className={`card verdict ${result.passed ? 'verdict--pass' : 'verdict--fail'}`}
        aria-label="Score"
      >
        <p className="verdict__score">
          <strong>
            {result.correct} / {result.total}
          </strong>{' '}
          ({formatPercent(result.ratio)})
        </p>
        <p className="verdict__outcome">
          {result.passed ? '✓ Pass' : '✗ Not yet a pass'}: the pass mark is {result.passMark} of{' '}
          {result.total}.
        </p>
        <p>
          Time used: {formatDuration(result.timeUsedMs)}
          {attempt.submittedBy === 'timeout'
            ? ' (time ran out, so the exam was submitted for you)'
            : ''}
          . {result.answered} of {result.total} answered.
        </p>
      </section>
      <div className="actions">
        <Link className="button button--primary" to={`/exam/review/${attempt.id}`}>
          Review every question
        </Link>
        {practiseTopics.length > 0 && (
          <Link
            className="button"
            to={`/practice?bank=${bank.manifest.id}&topics=${practiseTopics.join(',')}`}
          >
            Practise my weakest topics
          </Link>
        )}
        {wrongIds.length > 0 && (
          <button type="button" className="button" onClick={retake}>
            Retake the {wrongIds.length} I got wrong
          </button>
        )}
        <Link className="button" to="/exam">
          New mock exam
        </Link>
      </div>
      <TopicResultsTable
        tree={bank.tree}
        results={result.byTopic}
        caption="Score per topic, weakest first"
        order={weakest}
      />
    </>
  );
}
