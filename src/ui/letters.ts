/** The letter shown for the option at a display position: A, B, C, ... */
export function letterAt(position: number): string {
  return String.fromCharCode(65 + position);
}
