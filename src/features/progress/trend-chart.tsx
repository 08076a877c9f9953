import { useId } from 'react';
import type { TrendDay } from '../../engine/progress';
import { formatDayAxis, formatDayShort } from '../../ui/dates';
import { formatPercent } from '../../ui/topic-results-table';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 32;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

const y = (ratio: number) => TOP + (1 - ratio) * PLOT_H;

/** A sentence for screen readers saying what the chart shows. */
function describe(days: readonly TrendDay[]): string {
  const practice = days.filter((d) => d.practiceAccuracy !== null);
  const mocks = days.flatMap((d) => d.mockScores.map((score) => ({ day: d.day, score })));
  const parts: string[] = [];
  const first = practice[0];
  const last = practice[practice.length - 1];
  if (first === undefined || last === undefined) parts.push('No practice in this period.');
  else if (first === last) {
    parts.push(
      `Practice accuracy ${formatPercent(first.practiceAccuracy)} on ${formatDayShort(first.day)}.`,
    );
  } else {
    parts.push(
      `Practice accuracy on ${practice.length} days, from ${formatPercent(first.practiceAccuracy)} on ${formatDayShort(first.day)} to ${formatPercent(last.practiceAccuracy)} on ${formatDayShort(last.day)}.`,
    );
  }
  parts.push(
    mocks.length === 0
      ? 'No mock exams in this period.'
      : `Mock exam scores: ${mocks.map((m) => `${formatPercent(m.score)} on ${formatDayShort(m.day)}`).join(', ')}.`,
  );
  return parts.join(' ');
}

/**
 * Practice accuracy (a line with round points) and mock exam scores (squares) by day, with the
 * pass mark as a dashed line. Shapes and a legend in words tell the series apart, not colour; the
 * same figures are in a table below for screen readers and anyone who prefers numbers.
 */
export function TrendChart({ days, passRatio }: { days: readonly TrendDay[]; passRatio: number }) {
  const titleId = useId();
  const descId = useId();
  const x = (index: number) =>
    LEFT + (days.length <= 1 ? PLOT_W / 2 : (index / (days.length - 1)) * PLOT_W);
  const points = days.flatMap((d, i) =>
    d.practiceAccuracy === null ? [] : [{ x: x(i), y: y(d.practiceAccuracy) }],
  );
  const mocks = days.flatMap((d, i) => d.mockScores.map((score) => ({ x: x(i), y: y(score) })));
  const labelEvery = Math.max(1, Math.ceil(days.length / 5));
  const active = days.filter((d) => d.practiceAnswered > 0 || d.mockScores.length > 0);

  return (
    <figure className="trend">
      <ul className="trend__legend">
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <line className="trend__practice-line" x1="0" y1="6" x2="28" y2="6" />
            <circle className="trend__practice-point" cx="14" cy="6" r="4" />
          </svg>
          Practice accuracy (circles joined by a line)
        </li>
        <li>
          <svg width="14" height="12" aria-hidden="true">
            <rect className="trend__mock" x="2" y="1" width="10" height="10" />
          </svg>
          Mock exam score (squares)
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <line className="trend__pass" x1="0" y1="6" x2="28" y2="6" />
          </svg>
          Pass mark, {formatPercent(passRatio)} (dashed line)
        </li>
      </ul>
      <svg
        className="trend__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title
          id={titleId}
        >{`Practice accuracy and mock exam scores, last ${days.length} days`}</title>
        <desc id={descId}>{describe(days)}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((ratio) => (
          <g key={ratio}>
            <line
              className="trend__grid"
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(ratio)}
              y2={y(ratio)}
            />
            <text className="trend__label" x={LEFT - 6} y={y(ratio) + 4} textAnchor="end">
              {formatPercent(ratio)}
            </text>
          </g>
        ))}
        <line
          className="trend__pass"
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={y(passRatio)}
          y2={y(passRatio)}
        />
        {days.map((d, i) =>
          i % labelEvery === 0 || i === days.length - 1 ? (
            <text
              key={d.day}
              className="trend__label"
              x={x(i)}
              y={HEIGHT - 10}
              textAnchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}
            >
              {formatDayAxis(d.day)}
            </text>
          ) : null,
        )}
        {points.length > 1 && (
          <polyline
            className="trend__practice-line"
            points={points.map((p) => `${p.x},${p.y}`).join(' ')}
          />
        )}
        {points.map((p) => (
          <circle key={`p${p.x}`} className="trend__practice-point" cx={p.x} cy={p.y} r={4} />
        ))}
        {mocks.map((m, i) => (
          <rect
            key={`m${i}`}
            className="trend__mock"
            x={m.x - 5}
            y={m.y - 5}
            width={10}
            height={10}
          />
        ))}
      </svg>
      <figcaption className="hint">
        {active.length === 0
          ? `No answers in the last ${days.length} days.`
          : 'Each point is one day: the share of practice and review answers that were right, and the score of each full mock exam.'}
      </figcaption>
      {active.length > 0 && (
        <details className="trend__details">
          <summary>Show the figures as a table</summary>
          <table className="results-table">
            <caption>Daily figures, last {days.length} days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Practice answers</th>
                <th scope="col">Practice accuracy</th>
                <th scope="col">Mock exam scores</th>
              </tr>
            </thead>
            <tbody>
              {active.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDayShort(d.day)}</th>
                  <td>{d.practiceAnswered}</td>
                  <td>{formatPercent(d.practiceAccuracy)}</td>
                  <td>
                    {d.mockScores.length === 0 ? '–' : d.mockScores.map(formatPercent).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
