import { MASTERY_WINDOW, type MasteryLevel, type TopicProgress } from '../../engine/progress';
import { formatPercent } from '../../ui/topic-results-table';

const LEVEL_WORDS: Record<MasteryLevel, string> = {
  'not-started': 'Not started',
  weak: 'Weak',
  improving: 'Improving',
  strong: 'Strong',
};

/** A mastery level in words, with a bar that repeats the figure for sighted readers. */
export function MasteryCell({ progress }: { progress: TopicProgress }) {
  return (
    <span className={`mastery mastery--${progress.level}`}>
      <span className="mastery__bar" aria-hidden="true">
        <span style={{ inlineSize: `${Math.round(progress.mastery * 100)}%` }} />
      </span>
      {LEVEL_WORDS[progress.level]}
      {progress.level !== 'not-started' && `, ${formatPercent(progress.mastery)}`}
    </span>
  );
}

/** Every topic's mastery, stages with their processes and functions indented beneath them. */
export function MasteryTable({ topics }: { topics: readonly TopicProgress[] }) {
  // A wide data table scrolls sideways within itself on a phone, instead of squeezing every word.
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label="Mastery by topic, scrollable"
      tabIndex={0}
    >
      <table className="results-table mastery-table">
        <caption>Mastery by topic</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Mastery</th>
            <th scope="col">Last {MASTERY_WINDOW} answers</th>
            <th scope="col">All answers</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.topic.id} className={t.depth === 0 ? 'results-table__group' : undefined}>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + t.depth * 1.25}rem` }}>
                {t.topic.title} <span className="muted">({t.topic.kind})</span>
              </th>
              <td>
                <MasteryCell progress={t} />
              </td>
              <td>
                {t.recentAttempted === 0
                  ? '–'
                  : `${t.recentCorrect} of ${t.recentAttempted} right (${formatPercent(t.recentAccuracy)})`}
              </td>
              <td>{t.attempted === 0 ? 'none' : `${t.correct} of ${t.attempted} right`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
