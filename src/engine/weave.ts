/**
 * `ours` with `added` woven in by time: ours keep their order (even where a clock was put back),
 * each added item goes before the first of ours that is later than it, and ties keep ours first.
 * When every added item is later than ours, the result is ours with them appended.
 */
export function weaveByTime<T>(
  ours: readonly T[],
  added: readonly T[],
  time: (x: T) => number,
): T[] {
  const sorted = [...added].sort((a, b) => time(a) - time(b));
  const woven: T[] = [];
  let next = 0;
  for (const item of ours) {
    const at = time(item);
    while (next < sorted.length && time(sorted[next] as T) < at) woven.push(sorted[next++] as T);
    woven.push(item);
  }
  while (next < sorted.length) woven.push(sorted[next++] as T);
  return woven;
}
