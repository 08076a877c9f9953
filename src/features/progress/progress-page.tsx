import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LoadedBank } from '../../engine/load-bank';
import type { DashboardFigures } from '../../engine/progress';
import { dayOf, startOfDay, type DayNumber } from '../../engine/progress-days';
import { dailyGoal, dueCards } from '../../engine/review-schedule';
import { useBankIds, useBankLoad } from '../../state/banks-store';
import { useReviewStore } from '../../state/review-store';
import { useExamDay } from '../../state/settings-store';
import { BankError, Loading } from '../../ui/bank-status';
import { daysAgo, plural } from '../../ui/dates';
import { formatPercent } from '../../ui/topic-results-table';
import { ExamDateForm } from './exam-date-form';
import { MasteryCell, MasteryTable } from './mastery-table';
import { ReadinessPanel } from './readiness-panel';
import { TrendChart } from './trend-chart';
import { useClock, useDashboardFigures } from './use-dashboard';
import './progress.css';

/** The study dashboard: what a student has mastered, how ready they are, and what to do next. */
export function ProgressPage() {
  const bankIds = useBankIds();
  const [params] = useSearchParams();
  const bankId = params.get('bank') ?? bankIds[0];
  const load = useBankLoad(bankId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Your progress
      </h1>
      {bankIds.length > 1 && (
        <nav aria-label="Question banks" className="bank-switcher">
          <ul>
            {bankIds.map((id) => (
              <li key={id}>
                <Link to={`/progress?bank=${id}`} aria-current={id === bankId ? 'page' : undefined}>
                  {id}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {bankId === undefined ? (
        <p>No question banks are installed.</p>
      ) : load === undefined ? (
        <Loading what="the question bank" />
      ) : load.status === 'error' ? (
        <BankError bankId={load.id} faults={load.faults} />
      ) : (
        <Dashboard key={load.bank.manifest.id} bank={load.bank} />
      )}
    </>
  );
}

function Dashboard({ bank }: { bank: LoadedBank }) {
  const { now, today } = useClock();
  const figures = useDashboardFigures(bank, today);
  const bankId = bank.manifest.id;
  const { questionCount, passMark } = bank.manifest.exam;

  if (figures.answered === 0) {
    return (
      <>
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">Start here</h2>
          <p>
            You have not answered any questions yet. As you go, this page shows how well you know
            each topic, your chance of passing the real exam, and the questions to look at again.
          </p>
          <p>
            A good first step is a short practice on one stage, with an explanation after every
            answer. Or sit a full mock exam to see where you stand.
          </p>
          <div className="actions">
            <Link className="button button--primary" to={`/practice?bank=${bankId}`}>
              Start your first practice
            </Link>
            <Link className="button" to="/exam">
              Take a mock exam
            </Link>
          </div>
        </section>
        <ExamDateForm today={today} />
      </>
    );
  }

  const best = figures.mocks.reduce((m, s) => Math.max(m, s.correct), -1);
  return (
    <>
      <TodayPanel bank={bank} figures={figures} now={now} today={today} />
      <ReadinessPanel bank={bank} readiness={figures.readiness} evidence={figures.evidence} />
      <WeakAreas bankId={bankId} figures={figures} today={today} />
      <section aria-labelledby="mastery-heading">
        <h2 id="mastery-heading">Mastery</h2>
        <p>
          Overall mastery: <strong>{formatPercent(figures.overallMastery)}</strong>, weighted the
          way the exam shares out its questions. A topic’s mastery is the right answers among its
          last 20, so it needs 20 answers to reach 100%. You have answered{' '}
          {plural(figures.answered, 'question')},{' '}
          {formatPercent(figures.correct / figures.answered)} right.
        </p>
        <MasteryTable topics={figures.topics} />
      </section>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Trend</h2>
        <p>
          {figures.mocks.length === 0
            ? 'No full mock exams yet.'
            : `${plural(figures.mocks.length, 'full mock exam')}; best score ${best} of ${questionCount}.`}
        </p>
        <TrendChart days={figures.trend} passRatio={passMark / questionCount} />
      </section>
      <ExamDateForm today={today} />
    </>
  );
}

function TodayPanel({
  bank,
  figures,
  now,
  today,
}: {
  bank: LoadedBank;
  figures: DashboardFigures;
  now: number;
  today: DayNumber;
}) {
  const cards = useReviewStore((s) => s.cards);
  const examDay = useExamDay();
  const bankId = bank.manifest.id;
  const reviews = useMemo(() => {
    const has = (itemId: string) => bank.itemsById.has(itemId);
    const dueBy = (until: number) => dueCards(cards, bankId, until, examDay, has).length;
    return {
      now: dueBy(now),
      today: dueBy(startOfDay(today + 1) - 1),
      beforeExam: examDay === null ? 0 : dueBy(startOfDay(examDay) - 1),
      queued: Object.values(cards).filter((c) => c.bankId === bankId && has(c.itemId)).length,
    };
  }, [cards, bank, bankId, examDay, now, today]);
  const daysLeft = examDay === null ? null : examDay - today;
  const goal = dailyGoal({
    unanswered: figures.unansweredItems,
    reviewsBeforeExam: reviews.beforeExam,
    daysLeft,
  });
  const { streak, answeredToday } = figures;

  return (
    <section className="card" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      <ul className="today-list">
        <li>
          <strong>{plural(streak.current, 'day')} studied in a row</strong>
          {streak.current === 0
            ? ': answer a question today to start a run.'
            : streak.studiedToday
              ? ', including today.'
              : ' up to yesterday: answer a question today to keep it going.'}
          {streak.longest > streak.current &&
            ` Your longest run: ${plural(streak.longest, 'day')}.`}
        </li>
        <li>
          {goal === null ? (
            <>
              {plural(answeredToday, 'question')} answered today. Set your exam date below to get a
              daily goal.
            </>
          ) : goal === 0 ? (
            <>
              {plural(answeredToday, 'question')} answered today. Every question has been answered
              and no reviews are due before your exam: keep practising your weak areas.
            </>
          ) : (
            <>
              <span id="goal-label">
                Daily goal: {plural(goal, 'question')}. Answered today:{' '}
                <strong>{answeredToday}</strong>.{answeredToday >= goal && ' ✓ Goal reached.'}
              </span>
              <progress
                className="goal-progress"
                max={goal}
                value={Math.min(answeredToday, goal)}
                aria-labelledby="goal-label"
              />
              <span className="hint">
                {' '}
                ({plural(figures.unansweredItems, 'question')} not yet tried and{' '}
                {plural(reviews.beforeExam, 'review')} due before your exam, over{' '}
                {plural(daysLeft ?? 0, 'day')}.)
              </span>
            </>
          )}
        </li>
        <li>
          {reviews.today === 0 ? (
            <>
              No questions to review today.
              {reviews.queued === 0
                ? ' Questions you answer wrongly come back here for review.'
                : ` ${plural(reviews.queued, 'question')} in your review queue, scheduled for later days.`}
            </>
          ) : (
            <>
              <strong>{plural(reviews.today, 'question')} to review today</strong> ({reviews.now}{' '}
              due now).
            </>
          )}
        </li>
      </ul>
      {reviews.now > 0 && (
        <div className="actions">
          <Link className="button button--primary" to={`/review?bank=${bankId}`}>
            Review {plural(reviews.now, 'question')} now
          </Link>
        </div>
      )}
    </section>
  );
}

function WeakAreas({
  bankId,
  figures,
  today,
}: {
  bankId: string;
  figures: DashboardFigures;
  today: DayNumber;
}) {
  const weak = figures.weakTopics;
  if (weak.length === 0) return null;
  const lastDay = (at: number | null) =>
    at === null ? 'never practised' : `last practised ${daysAgo(dayOf(at), today)}`;
  return (
    <section className="card" aria-labelledby="weak-heading">
      <h2 id="weak-heading">Weak areas</h2>
      <p>The topics where practice will help most: lowest mastery first, then the least recent.</p>
      <ol className="weak-list">
        {weak.map((t) => (
          <li key={t.topic.id}>
            <strong>{t.topic.title}</strong> <span className="muted">({t.topic.kind})</span>:{' '}
            <MasteryCell progress={t} />, {lastDay(t.lastAt)}
          </li>
        ))}
      </ol>
      <Link
        className="button button--primary"
        to={`/practice?bank=${bankId}&topics=${weak.map((t) => t.topic.id).join(',')}`}
      >
        Practise my weak areas
      </Link>
    </section>
  );
}
