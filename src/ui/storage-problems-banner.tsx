import { useStorageProblems } from '../state/safe-storage';

const describe: Record<string, string> = {
  'itil-practice.history': 'your answer history',
  'itil-practice.exam': 'your mock exams',
  'itil-practice.practice-session': 'your practice session',
  'itil-practice.review': 'your review schedule',
  'itil-practice.settings': 'your settings',
};

/** Tells the student, in plain words, when saved data was damaged or the device is full. */
export function StorageProblemsBanner() {
  const problems = useStorageProblems((s) => s.problems);
  const dismiss = useStorageProblems((s) => s.dismiss);
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      {problems.map((problem) => {
        const what = describe[problem.key] ?? problem.key;
        return problem.kind === 'damaged' ? (
          <p key={`${problem.key}-damaged`}>
            The saved copy of {what} on this device was damaged and could not be read, so it starts
            afresh. Everything else is intact.{' '}
            <a
              href={URL.createObjectURL(
                new Blob([problem.damagedCopy ?? ''], { type: 'application/json' }),
              )}
              download={`${problem.key}.damaged.json`}
            >
              Download the damaged copy
            </a>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => dismiss(problem.key)}
            >
              Dismiss
            </button>
          </p>
        ) : (
          <p key={`${problem.key}-full`}>
            This device’s storage is full, so {what} could not be saved just now. Nothing is lost
            while this page stays open; saving is retried every few seconds. Free some space (for
            example other sites’ data) to be safe.
          </p>
        );
      })}
    </div>
  );
}
