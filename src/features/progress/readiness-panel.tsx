import type { LoadedBank } from '../../engine/load-bank';
import { READINESS_WINDOW } from '../../engine/progress';
import {
  CREDIBLE_LEVEL,
  MIN_AREA_ANSWERS,
  MIN_TOTAL_ANSWERS,
  type AreaEvidence,
  type Readiness,
} from '../../engine/readiness';
import { plural } from '../../ui/dates';
import { formatPercent } from '../../ui/topic-results-table';

/** Words for a pass probability, so the figure is never read from colour alone. */
function verdict(p: number): string {
  if (p >= 0.8) return 'Likely to pass';
  if (p >= 0.5) return 'More likely than not to pass';
  if (p >= 0.2) return 'Not yet likely to pass';
  return 'Unlikely to pass yet';
}

/** The chance of passing now, what it rests on, or what evidence it still needs. */
export function ReadinessPanel({
  bank,
  readiness,
  evidence,
}: {
  bank: LoadedBank;
  readiness: Readiness;
  evidence: readonly AreaEvidence[];
}) {
  const { questionCount, passMark } = bank.manifest.exam;
  const title = (id: string) => bank.tree.byId.get(id)?.title ?? id;
  const areas = evidence.filter((a) => a.quota > 0);
  return (
    <section className="card" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness for the real exam</h2>
      {readiness.status === 'not-enough-data' ? (
        <>
          <p className="readiness__figure">Not enough data yet</p>
          <p>
            An estimate needs at least {MIN_AREA_ANSWERS} answers in each of the {areas.length} exam
            areas and {MIN_TOTAL_ANSWERS} in all. Still to go:
          </p>
          <ul>
            {readiness.totalNeeded > 0 && (
              <li>{plural(readiness.totalNeeded, 'more answer')} in all</li>
            )}
            {readiness.areasShort.map((a) => (
              <li key={a.id}>
                {title(a.id)}: {plural(a.needed, 'more answer')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="readiness__figure">
            <strong>{formatPercent(readiness.passProbability)}</strong> chance of passing now
          </p>
          <p>
            {verdict(readiness.passProbability)}. Likely score:{' '}
            <strong>
              {readiness.interval[0]} to {readiness.interval[1]}
            </strong>{' '}
            of {questionCount} ({formatPercent(CREDIBLE_LEVEL)} credible interval); the pass mark is{' '}
            {passMark}.
          </p>
          <p className="hint">
            Based on your last {READINESS_WINDOW} answers or fewer in each exam area (
            {plural(readiness.basedOn, 'answer')}), weighted the way the real exam shares out its{' '}
            {questionCount} questions.
          </p>
        </>
      )}
      <details>
        <summary>How this is worked out</summary>
        <p>
          For each exam area, your recent answers give a range of plausible success rates (a Beta
          distribution: the fewer answers, the wider it is). From those, the app works out the
          chance of each possible score on a paper with the real exam’s mix of questions, and adds
          up the chances of the scores from {passMark} upwards. It assumes the practice questions
          are like the real ones, so treat it as a guide.
        </p>
        <table className="results-table">
          <caption>What the estimate is based on</caption>
          <thead>
            <tr>
              <th scope="col">Exam area</th>
              <th scope="col">Questions on the exam</th>
              <th scope="col">Recent answers right</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{title(a.id)}</th>
                <td>{a.quota}</td>
                <td>
                  {a.recentAnswered === 0
                    ? 'none yet'
                    : `${a.recentCorrect} of ${a.recentAnswered} (${formatPercent(a.recentCorrect / a.recentAnswered)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
