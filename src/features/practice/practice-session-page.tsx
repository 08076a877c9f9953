import { Link, Navigate, useNavigate } from 'react-router';
import type { Item } from '../../engine/bank-schema';
import { isCorrect } from '../../engine/scoring';
import { useBankLoad } from '../../state/banks-store';
import { useHistoryStore } from '../../state/history-store';
import { BankError, Loading } from '../../ui/bank-status';
import { InstantFeedbackQuestion } from '../../ui/instant-feedback-question';
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
  const isLast = position === total - 1;

  const goOn = () => {
    if (isLast) {
      finish(Date.now());
      void navigate('/practice/summary');
    } else {
      next();
    }
  };

  if (item === undefined) {
    return (
      <>
        <h1>
          Question {position + 1} of {total}
        </h1>
        <p>This question ({itemId}) is no longer in the bank.</p>
        <button type="button" className="button button--primary" onClick={goOn}>
          {isLast ? 'See your results' : 'Skip to the next question'}
        </button>
      </>
    );
  }

  const answer = (choice: string, ms: number) => {
    const correct = isCorrect(item, choice);
    recordAnswer({
      bankId,
      itemId: item.id,
      choice,
      correct,
      ms,
      mode: 'practice',
      at: Date.now(),
    });
    respond(item.id, { choice, correct });
  };

  return (
    <InstantFeedbackQuestion
      heading={`Question ${position + 1} of ${total}`}
      progress={{
        value: position + (response === undefined ? 0 : 1),
        max: total,
        label: 'Session progress',
      }}
      topicTitle={topicTitle}
      item={item}
      order={order}
      response={response ?? null}
      onAnswer={answer}
      onNext={goOn}
      nextLabel={isLast ? 'See your results' : 'Next question'}
    />
  );
}
