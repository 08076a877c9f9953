import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LoadedBank } from '../../engine/load-bank';
import { itemsForTopics } from '../../engine/practice';
import type { Topic } from '../../engine/bank-schema';
import type { TopicTree } from '../../engine/topic-tree';
import { useBankIds, useBankLoad } from '../../state/banks-store';
import { BankError, Loading } from '../../ui/bank-status';
import { usePracticeStore } from './practice-store';
import { startPractice } from './start-practice';

const COUNTS = [10, 20, 40] as const;

/** Choose a bank, topics and a length, then start practising. */
export function PracticeSetupPage() {
  const bankIds = useBankIds();
  const [params] = useSearchParams();
  const bankId = params.get('bank') ?? bankIds[0];
  const load = useBankLoad(bankId);
  return (
    <>
      <h1>Practise by topic</h1>
      <ResumeNotice />
      {bankId === undefined ? (
        <p>No question banks are installed.</p>
      ) : load === undefined ? (
        <Loading what="the question bank" />
      ) : load.status === 'error' ? (
        <BankError bankId={load.id} faults={load.faults} />
      ) : (
        <PracticeSetupForm
          key={load.bank.manifest.id}
          bank={load.bank}
          initialTopics={params.get('topics')?.split(',').filter(Boolean) ?? []}
        />
      )}
    </>
  );
}

function ResumeNotice() {
  const session = usePracticeStore((s) => s.session);
  if (session === null || session.finishedAt !== null) return null;
  const answered = Object.keys(session.responses).length;
  return (
    <section className="notice" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Your session is waiting</h2>
      <p>
        You have answered {answered} of {session.itemIds.length} questions.
      </p>
      <Link className="button button--primary" to="/practice/session">
        Continue where you left off
      </Link>
    </section>
  );
}

function PracticeSetupForm({ bank, initialTopics }: { bank: LoadedBank; initialTopics: string[] }) {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(initialTopics.filter((id) => bank.tree.byId.has(id))),
  );
  const [count, setCount] = useState<number>(COUNTS[0]);
  const [error, setError] = useState<string | null>(null);
  const countName = useId();
  const available = itemsForTopics(bank.tree, bank.items, [...selected]).length;
  const counts = useMemo(
    () =>
      new Map(
        bank.tree.topics.map((t) => [t.id, itemsForTopics(bank.tree, bank.items, [t.id]).length]),
      ),
    [bank],
  );

  const toggle = (topicId: string, on: boolean) => {
    setError(null);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(topicId);
      else next.delete(topicId);
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected.size === 0) {
      setError('Choose at least one topic to practise.');
      return;
    }
    if (startPractice(bank, { topicIds: [...selected], count }) > 0) {
      void navigate('/practice/session');
    } else {
      setError('There are no questions on those topics yet. Choose another topic.');
    }
  };

  return (
    <form className="practice-setup" onSubmit={submit} noValidate>
      <p>
        {bank.manifest.title}: {bank.items.length} questions. Choose what to practise; you will see
        whether you were right straight away, with the reasons.
      </p>
      <fieldset>
        <legend>Topics</legend>
        <div className="topic-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setSelected(new Set(bank.tree.roots.map((t) => t.id)))}
          >
            Select all
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setSelected(new Set())}
          >
            Clear
          </button>
        </div>
        <ul className="topic-picker">
          {bank.tree.roots.map((root) => (
            <TopicChoice
              key={root.id}
              tree={bank.tree}
              counts={counts}
              topic={root}
              selected={selected}
              onToggle={toggle}
              inherited={false}
            />
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Number of questions</legend>
        <div className="segmented">
          {COUNTS.map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={countName}
                value={n}
                checked={count === n}
                onChange={() => setCount(n)}
              />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <p aria-live="polite" className="hint">
        {selected.size === 0
          ? 'No topic chosen yet.'
          : `${available} question${available === 1 ? '' : 's'} on the chosen topics; you will get ${Math.min(count, available)}.`}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        Start practice
      </button>
    </form>
  );
}

function TopicChoice({
  tree,
  counts,
  topic,
  selected,
  onToggle,
  inherited,
}: {
  tree: TopicTree;
  counts: ReadonlyMap<string, number>;
  topic: Topic;
  selected: ReadonlySet<string>;
  onToggle: (topicId: string, on: boolean) => void;
  /** Chosen through a parent: shown ticked, and changed through the parent. */
  inherited: boolean;
}) {
  const children = tree.children.get(topic.id) ?? [];
  const checked = inherited || selected.has(topic.id);
  const count = counts.get(topic.id) ?? 0;
  return (
    <li>
      <label className="topic-choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={inherited}
          onChange={(event) => onToggle(topic.id, event.target.checked)}
        />
        <span>
          {topic.title} <span className="muted">({count})</span>
        </span>
      </label>
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <TopicChoice
              key={child.id}
              tree={tree}
              counts={counts}
              topic={child}
              selected={selected}
              onToggle={onToggle}
              inherited={checked}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
