import type { TopicResult } from '../engine/scoring';
import { ancestorsOf, type TopicTree } from '../engine/topic-tree';

/** Whole-number percentage, or an en dash before any answer. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 100)}%`;
}

/**
 * Per-topic results as a table, topics in syllabus order with processes indented under their stage.
 * Only topics with answers are listed.
 */
export function TopicResultsTable({
  tree,
  results,
  caption,
}: {
  tree: TopicTree;
  results: ReadonlyMap<string, TopicResult>;
  caption: string;
}) {
  const rows = tree.topics.filter((t) => (results.get(t.id)?.attempted ?? 0) > 0);
  return (
    <table className="results-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Correct</th>
          <th scope="col">Accuracy</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((topic) => {
          const result = results.get(topic.id);
          const depth = ancestorsOf(tree, topic.id).length;
          return (
            <tr key={topic.id} className={depth === 0 ? 'results-table__group' : undefined}>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + depth * 1.25}rem` }}>
                {topic.title}
              </th>
              <td>
                {result?.correct ?? 0} of {result?.attempted ?? 0}
              </td>
              <td>{formatPercent(result?.accuracy ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
