/** The letter shown for the option at a display position: A, B, C, ... */
export function letterAt(position: number): string {
  return String.fromCharCode(65 + position);
}

/** The option position a key chooses (1-5 or A-E, either case), or -1 for any other key. */
export function optionPositionForKey(key: string): number {
  if (key.length !== 1) return -1;
  const byNumber = '12345'.indexOf(key);
  return byNumber >= 0 ? byNumber : 'abcde'.indexOf(key.toLowerCase());
}
