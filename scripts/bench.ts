/**
 * `npm run bench [-- <dist dir>]`: the gzip size of the JavaScript and CSS a first visit needs
 * before it can show anything (the entry script, its stylesheet and its modulepreloads), against
 * the 100 KB budget. Exit status 1 when over budget. Run it after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialAssets } from './initial-assets';

const BUDGET_BYTES = 100 * 1024;
const distDir = process.argv[2] ?? 'dist';
const indexPath = join(distDir, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`${indexPath}: not found; run npm run build first`);
  process.exit(1);
}

const rows = initialAssets(readFileSync(indexPath, 'utf8')).map((url) => {
  const bytes = readFileSync(join(distDir, url.replace(/^\//, '')));
  // Default zlib level (6), as most static hosts compress: a fair, not flattering, figure.
  return { url, raw: bytes.length, gzip: gzipSync(bytes).length };
});
if (rows.length === 0) {
  console.error(`${indexPath}: no script or stylesheet found`);
  process.exit(1);
}

const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const width = Math.max(...rows.map((row) => row.url.length));
for (const row of rows) {
  console.log(
    `${row.url.padEnd(width)}  ${String(row.raw).padStart(8)} B  ${String(row.gzip).padStart(7)} B gzip`,
  );
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `initial JS + CSS: ${total} B gzip (${(total / 1024).toFixed(1)} KiB), ${verdict} the budget of ${BUDGET_BYTES} B`,
);
if (total > BUDGET_BYTES) process.exit(1);
