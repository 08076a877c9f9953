import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { examMinutes, type ExamTiming } from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { useBankIds, useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { useExamStore } from './exam-store';
import { startExam } from './start-exam';

/** Explains the mock exam, offers the timing options and starts (or resumes) an attempt. */
export function ExamStartPage() {
  const bankIds = useBankIds();
  const [params] = useSearchParams();
  const bankId = params.get('bank') ?? bankIds[0];
  const load = useBankLoad(bankId);
  const current = useExamStore((s) => s.current);
  const pastCount = useExamStore((s) => s.past.length);
  return (
    <>
      <h1>Mock exam</h1>
      {current !== null ? (
        <section className="notice" aria-labelledby="resume-exam">
          <h2 id="resume-exam">You have an exam in progress</h2>
          <p>
            {Object.keys(current.responses).length} of {current.itemIds.length} questions answered.
            Your answers are saved; the clock kept running while you were away.
          </p>
          <Link className="button button--primary" to="/exam/take">
            Resume the exam
          </Link>
        </section>
      ) : bankId === undefined ? (
        <p>No question banks are installed.</p>
      ) : (
        <>
          {/* Needs no bank, so it shows while the bank is still loading on a first visit. */}
          <p className="lead">
            A timed paper like the real one: questions drawn across the whole syllabus by its
            weights, one mark each. You see your score, your weakest topics and every explanation
            only at the end. Until you submit you can flag questions, go back and change answers;
            everything is saved as you go, so a reload or a closed tab loses nothing.
          </p>
          {load === undefined ? (
            <Loading what="the question bank" />
          ) : load.status === 'error' ? (
            <BankError bankId={load.id} faults={load.faults} />
          ) : (
            <ExamStartForm bank={load.bank} />
          )}
        </>
      )}
      {pastCount > 0 && (
        <p>
          <Link to="/exam/history">Your past attempts ({pastCount})</Link>
        </p>
      )}
    </>
  );
}

function ExamStartForm({ bank }: { bank: LoadedBank }) {
  const navigate = useNavigate();
  const [timing, setTiming] = useState<ExamTiming>('standard');
  const name = useId();
  const { exam } = bank.manifest;
  const count = Math.min(exam.questionCount, bank.items.length);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startExam(bank, timing);
    void navigate('/exam/take');
  };
  const choices: { value: ExamTiming; label: string; hint: string }[] = [
    {
      value: 'standard',
      label: `${examMinutes(exam, 'standard')} minutes`,
      hint: 'as in the real exam',
    },
    {
      value: 'extra-time',
      label: `${examMinutes(exam, 'extra-time')} minutes`,
      hint: 'the 25% extra time allowed when the exam is not in your first language',
    },
    { value: 'untimed', label: 'No time limit', hint: 'to practise the format without the clock' },
  ];
  return (
    <form onSubmit={submit}>
      <p>
        {bank.manifest.syllabus}: {count} questions, pass mark {exam.passMark} (
        {Math.round((exam.passMark / exam.questionCount) * 100)}%).
      </p>
      <fieldset>
        <legend>Time allowed</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="topic-choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={timing === choice.value}
              onChange={() => setTiming(choice.value)}
            />
            <span>
              <strong>{choice.label}</strong>: {choice.hint}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary">
        Start the exam
      </button>
    </form>
  );
}
