/**
 * `npm run bank:report [-- <questions dir>]`: prints each bank's quality figures, for the whole bank
 * and per topic, and exits 1 when a bank breaks the limits in bank-limits.ts.
 */
import { bankReport, type QualityFigures } from '../src/engine/bank-report';
import { indexBank, type LoadedBank } from '../src/engine/load-bank';
import { ancestorsOf } from '../src/engine/topic-tree';
import { formatFault, validateBank } from '../src/engine/validate-bank';
import { readBankFolders } from './bank-files';
import { COVERAGE_LIMITS, QUALITY_LIMITS } from './bank-limits';

const pct = (part: number, whole: number) =>
  whole === 0 ? '   -' : `${((100 * part) / whole).toFixed(1)}%`.padStart(6);

function figureRow(label: string, f: QualityFigures): string {
  const keys = ['a', 'b', 'c', 'd'].map((k) => pct(f.keyPositions[k] ?? 0, f.items)).join(' ');
  const difficulty = ([1, 2, 3] as const).map((d) => pct(f.difficulty[d], f.items)).join(' ');
  const styles = `${f.styles.standard}/${f.styles.negative}/${f.styles.list}/${f.styles['missing-word']}`;
  return `${label.padEnd(64)} ${String(f.items).padStart(4)}  ${keys}  ${pct(f.keyLongest, f.items)}  ${difficulty}  ${styles.padStart(12)}`;
}

function check(bank: LoadedBank, problems: string[]): void {
  const report = bankReport(bank);
  const { total } = report;
  const id = bank.manifest.id;
  console.log(`\n${bank.manifest.title} (${id}): ${total.items} items\n`);
  console.log(
    `${'topic'.padEnd(64)} ${'items'.padStart(4)}  ${'key a'.padStart(6)} ${'key b'.padStart(6)} ${'key c'.padStart(6)} ${'key d'.padStart(6)}  ${'long'.padStart(6)}  ${'diff 1'.padStart(6)} ${'diff 2'.padStart(6)} ${'diff 3'.padStart(6)}  std/neg/list/miss`,
  );
  console.log(figureRow('WHOLE BANK', total));
  for (const topic of bank.tree.topics) {
    const depth = ancestorsOf(bank.tree, topic.id).length;
    const figures = report.byTopic.get(topic.id);
    if (figures)
      console.log(figureRow(`${'  '.repeat(depth)}${topic.title} [${topic.kind}]`, figures));
  }
  console.log(
    `\nby unit: ${[...report.byUnit]
      .sort()
      .map(([u, n]) => `${u} ${n}`)
      .join(', ')}`,
  );
  const concepts = bank.items.filter(
    (i) => bank.tree.byId.get(i.topics[0] ?? '')?.kind === 'concept',
  ).length;
  console.log(`concept items (primary topic a concept): ${concepts}`);
  console.log(
    `question styles: standard ${total.styles.standard}, negative ${total.styles.negative}, list ${total.styles.list}, missing word ${total.styles['missing-word']}`,
  );
  console.log(
    `application items with a scenario stem: ${total.scenarios} of ${total.difficulty[3]}`,
  );
  console.log(`key strictly the longest option: ${pct(total.keyLongest, total.items).trim()}`);
  console.log(
    `catch-all options: ${report.catchAlls.length}; near-duplicate stems: ${report.nearDuplicates.length}`,
  );

  const fail = (message: string) => problems.push(`${id}: ${message}`);
  for (const [position, count] of Object.entries(total.keyPositions)) {
    const share = count / total.items;
    if (share < QUALITY_LIMITS.keyPosition.min || share > QUALITY_LIMITS.keyPosition.max) {
      fail(
        `key at position ${position} in ${pct(count, total.items).trim()} of items (limit 20-30%)`,
      );
    }
  }
  if (total.keyLongest / total.items > QUALITY_LIMITS.keyLongestMax) {
    fail(
      `key strictly the longest in ${pct(total.keyLongest, total.items).trim()} of items (limit 30%)`,
    );
  }
  if (total.styles.negative / total.items > QUALITY_LIMITS.negativeMax) {
    fail(`negative stems in ${pct(total.styles.negative, total.items).trim()} of items (limit 5%)`);
  }
  for (const item of report.lowerCaseNegations)
    fail(`item ${item}: negative stem without NOT or EXCEPT in capitals`);
  for (const { item, option } of report.catchAlls)
    fail(`item ${item}: catch-all option "${option}"`);
  for (const item of report.missingTeaching)
    fail(`item ${item}: explanation or a rationale is missing`);
  for (const { a, b, similarity } of report.nearDuplicates) {
    fail(`items ${a} and ${b}: near-duplicate stems (${Math.round(similarity * 100)}% alike)`);
  }
  for (const [style, count] of Object.entries(total.styles)) {
    if (count === 0) fail(`no ${style} items: the real exam's four styles must all be present`);
  }
  const { target, tolerance } = QUALITY_LIMITS.difficulty;
  for (const level of [1, 2, 3] as const) {
    const share = total.difficulty[level] / total.items;
    if (Math.abs(share - target[level]) > tolerance) {
      fail(
        `difficulty ${level} in ${pct(total.difficulty[level], total.items).trim()} of items (target ${target[level] * 100}% ± ${tolerance * 100})`,
      );
    }
  }
  if (
    total.difficulty[3] > 0 &&
    total.scenarios / total.difficulty[3] < QUALITY_LIMITS.scenarioMin
  ) {
    fail(`only ${total.scenarios} of ${total.difficulty[3]} application items set a scenario`);
  }

  const coverage = COVERAGE_LIMITS[id];
  if (coverage === undefined) return;
  if (total.items < coverage.total) fail(`${total.items} items, fewer than ${coverage.total}`);
  for (const topic of bank.tree.topics) {
    const minimum =
      coverage.perTopic[topic.id] ??
      (topic.kind === 'concept' ? undefined : coverage.perKind[topic.kind]);
    const count = report.byTopic.get(topic.id)?.items ?? 0;
    if (minimum !== undefined && count < minimum)
      fail(`${topic.title}: ${count} items, fewer than ${minimum}`);
  }
  if (concepts < coverage.concepts)
    fail(`${concepts} concept items, fewer than ${coverage.concepts}`);
  for (const unit of coverage.units) {
    if ((report.byUnit.get(unit) ?? 0) === 0) fail(`no item refers to unit ${unit}`);
  }
}

const problems: string[] = [];
for (const folder of readBankFolders(process.argv[2] ?? 'questions')) {
  const { bank, faults } = validateBank(folder.files);
  if (bank === null) {
    problems.push(...faults.map(formatFault));
    continue;
  }
  check(indexBank(bank), problems);
}
if (problems.length > 0) {
  console.error(`\nThe bank breaks ${problems.length} limit${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log('\nAll limits met.');
