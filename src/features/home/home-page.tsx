import { Link } from 'react-router';
import { useBankIds, useBankLoad } from '../../state/banks-store';
import { useHistoryStore } from '../../state/history-store';
import { BankError, Loading } from '../../ui/bank-status';
import { formatPercent } from '../../ui/topic-results-table';

/** The start page: what the app is, and a way into each bank. */
export function HomePage() {
  const bankIds = useBankIds();
  return (
    <>
      <h1>Pass the ITIL Foundation exam</h1>
      <p className="lead">
        Practise the ITIL 2011 Foundation syllabus topic by topic, with an explanation for every
        answer and for every wrong option, then rehearse with timed mock exams in the real format.
        Everything you do is saved on this device and works offline.
      </p>
      {bankIds.length === 0 && <p>No question banks are installed.</p>}
      {bankIds.map((id) => (
        <BankCard key={id} bankId={id} />
      ))}
    </>
  );
}

function BankCard({ bankId }: { bankId: string }) {
  const load = useBankLoad(bankId);
  const answered = useHistoryStore((s) =>
    s.answers.reduce((n, a) => (a.bankId === bankId ? n + 1 : n), 0),
  );
  const correct = useHistoryStore((s) =>
    s.answers.reduce((n, a) => (a.bankId === bankId && a.correct ? n + 1 : n), 0),
  );
  if (load === undefined) return <Loading what="the question bank" />;
  if (load.status === 'error') return <BankError bankId={load.id} faults={load.faults} />;
  const { manifest, items } = load.bank;
  return (
    <section className="card" aria-labelledby={`bank-${bankId}`}>
      <h2 id={`bank-${bankId}`}>{manifest.title}</h2>
      <p>
        {items.length} questions over {manifest.topics.length} topics. The real exam:{' '}
        {manifest.exam.questionCount} questions in {manifest.exam.minutes} minutes, pass mark{' '}
        {manifest.exam.passMark}.
      </p>
      <p>
        {answered === 0
          ? 'You have not answered any questions yet. Start with a short practice on one stage.'
          : `You have answered ${answered} question${answered === 1 ? '' : 's'}, ${formatPercent(correct / answered)} correctly.`}
      </p>
      <div className="actions">
        <Link className="button button--primary" to={`/practice?bank=${bankId}`}>
          Practise by topic
        </Link>
        <Link className="button" to={`/exam?bank=${bankId}`}>
          Take a mock exam
        </Link>
        {answered > 0 && (
          <Link className="button" to="/progress">
            See your progress
          </Link>
        )}
      </div>
    </section>
  );
}
