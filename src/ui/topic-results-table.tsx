import type { TopicResult } from '../engine/scoring';
import { ancestorsOf, type TopicTree } from '../engine/topic-tree';

/** Whole-number percentage, or an en dash before any answer. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 100)}%`;
}

/**
 * Per-topic results as a table. By default topics come in syllabus order with processes indented
 * under their stage; given `order` (for example weakest first), they come flat in that order with
 * their kind named. Only topics with answers are listed.
 */
export function TopicResultsTable({
  tree,
  results,
  caption,
  order,
}: {
  tree: TopicTree;
  results: ReadonlyMap<string, TopicResult>;
  caption: string;
  order?: readonly string[];
}) {
  const listed = order === undefined ? tree.topics : order.flatMap((id) => tree.byId.get(id) ?? []);
  const rows = listed.filter((t) => (results.get(t.id)?.attempted ?? 0) > 0);
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
          const depth = order === undefined ? ancestorsOf(tree, topic.id).length : 0;
          return (
            <tr
              key={topic.id}
              className={order === undefined && depth === 0 ? 'results-table__group' : undefined}
            >
              <th scope="row" style={{ paddingInlineStart: `${0.5 + depth * 1.25}rem` }}>
                {topic.title}
                {order !== undefined && <span className="muted"> ({topic.kind})</span>}
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
