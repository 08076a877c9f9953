import { Link } from 'react-router';
import { scoreAttempt } from '../../engine/exam';
import { useBanksStore } from '../../state/banks-store';
import { formatPercent } from '../../ui/topic-results-table';
import { useExamStore } from './exam-store';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every submitted attempt, newest first, each with its score and a way back to its review. */
export function ExamHistoryPage() {
  const past = useExamStore((s) => s.past);
  const loads = useBanksStore((s) => s.loads);
  return (
    <>
      <h1>Past attempts</h1>
      {past.length === 0 ? (
        <>
          <p>You have not taken a mock exam yet.</p>
          <Link className="button button--primary" to="/exam">
            Take a mock exam
          </Link>
        </>
      ) : (
        <table className="results-table">
          <caption>Your mock exams, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {[...past].reverse().map((attempt) => {
              const load = loads[attempt.bankId];
              const result = load?.status === 'ready' ? scoreAttempt(attempt, load.bank) : null;
              return (
                <tr key={attempt.id}>
                  <th scope="row">
                    {dateFormat.format(attempt.startedAt)}
                    {attempt.kind === 'retake' ? ' (retake)' : ''}
                  </th>
                  <td>
                    {result === null
                      ? '…'
                      : `${result.correct} / ${result.total} (${formatPercent(result.ratio)})`}
                  </td>
                  <td>{result === null ? '…' : result.passed ? '✓ Pass' : '✗ Fail'}</td>
                  <td>
                    <Link to={`/exam/results/${attempt.id}`}>Results</Link> ·{' '}
                    <Link to={`/exam/review/${attempt.id}`}>Review</Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
