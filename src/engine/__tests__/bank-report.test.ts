// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bankReport, qualityFigures } from '../bank-report';
import { hasLowerCaseNegation, questionStyle } from '../item-quality';
import { indexBank } from '../load-bank';
import { makeItem, manifest } from './fixtures';

describe('qualityFigures', () => {
  it('counts key positions, longest keys, styles and difficulty', () => {
    const figures = qualityFigures([
      makeItem('x-1', 'so', { answer: 'a', rationale: { b: 'no', c: 'no', d: 'no' } }),
      makeItem('x-2', 'so', {
        options: [
          { id: 'a', text: 'Short' },
          { id: 'b', text: 'The much longer right answer' },
          { id: 'c', text: 'Short too' },
          { id: 'd', text: 'Brief' },
        ],
      }),
      makeItem('x-3', 'so', { stem: 'Which is NOT a stage?', difficulty: 1 }),
      makeItem('x-4', 'so', {
        stem: 'Which are stages?\n1. One\n2. Two',
        fixedOrder: true,
        difficulty: 3,
      }),
      makeItem('x-5', 'so', { stem: 'Utility is the ___ of a service.' }),
    ]);
    expect(figures.items).toBe(5);
    expect(figures.keyPositions).toEqual({ a: 1, b: 4, c: 0, d: 0 });
    expect(figures.keyLongest).toBe(1);
    expect(figures.styles).toEqual({ standard: 2, negative: 1, list: 1, 'missing-word': 1 });
    expect(figures.difficulty).toEqual({ 1: 1, 2: 3, 3: 1 });
  });
});

describe('item quality checks', () => {
  it('flags a negation written in lower case', () => {
    expect(hasLowerCaseNegation(makeItem('x', 'so', { stem: 'Which is not a stage?' }))).toBe(true);
    expect(hasLowerCaseNegation(makeItem('x', 'so', { stem: 'Which is NOT a stage?' }))).toBe(
      false,
    );
    expect(questionStyle(makeItem('x', 'so', { stem: 'Which is not a stage?' }))).toBe('negative');
  });
});

describe('bankReport', () => {
  it('finds catch-all options and near-duplicate stems, and counts items under each topic subtree', () => {
    const bank = indexBank({
      manifest,
      items: [
        makeItem('i-1', 'incident', {
          stem: 'A user tells the service desk that the payroll application has stopped responding. Which process restores normal service operation first?',
        }),
        makeItem('i-2', 'incident', {
          stem: 'A user tells the service desk that the payroll application has stopped responding. Which process restores normal service operation quickly?',
        }),
        makeItem('p-1', 'problem', {
          options: [
            { id: 'a', text: 'One' },
            { id: 'b', text: 'Two' },
            { id: 'c', text: 'All of the above' },
            { id: 'd', text: 'Both A and B' },
          ],
        }),
      ],
    });
    const report = bankReport(bank);
    expect(report.byTopic.get('so')?.items).toBe(3);
    expect(report.byTopic.get('incident')?.items).toBe(2);
    expect(report.catchAlls.map((c) => c.option)).toEqual(['All of the above', 'Both A and B']);
    expect(report.nearDuplicates.map((d) => [d.a, d.b])).toEqual([['i-1', 'i-2']]);
  });
});
