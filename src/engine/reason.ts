/** Why something was thrown, on one line: V8 quotes the text around a JSON fault, line breaks too. */
export function reasonOf(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' || typeof error === 'function'
        ? 'unknown error'
        : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
