/** What a student sees when a bank cannot be used: which bank, and each fault, as plain text. */
export function BankError({ bankId, faults }: { bankId: string; faults: readonly string[] }) {
  return (
    <section className="notice notice--error" role="alert" aria-labelledby={`bank-error-${bankId}`}>
      <h2 id={`bank-error-${bankId}`}>The question bank “{bankId}” could not be loaded</h2>
      <p>Nothing you have done is lost; the rest of the app still works. What is wrong with it:</p>
      <ul className="fault-list">
        {faults.slice(0, 20).map((fault) => (
          <li key={fault}>{fault}</li>
        ))}
      </ul>
      {faults.length > 20 && <p>…and {faults.length - 20} more.</p>}
    </section>
  );
}

/** A short, announced waiting message. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
