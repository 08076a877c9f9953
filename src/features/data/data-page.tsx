import {
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import {
  backupFileName,
  backupProblems,
  createBackup,
  examInProgressConflict,
  mergeBackup,
  readBackup,
  sizeProblem,
  type BackupContent,
  type ExamInProgressChoice,
  type ImportReport,
} from '../../engine/backup';
import type { ExamAttempt } from '../../engine/exam';
import { dayFromIso } from '../../engine/progress-days';
import { formatDayLong, plural } from '../../ui/dates';

/** Every store that holds the student's progress, read and written as one (composed in src/app). */
export interface ProgressStores {
  /** What the stores hold now; the same object until one of them changes. */
  read: () => BackupContent;
  /** Calls the listener whenever one of the stores changes; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  /** Replaces what the stores hold with merged content (see engine/backup.ts mergeBackup). */
  write: (content: BackupContent) => void;
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "1,204 answers added, 312 already here; 3 exam attempts added.", and whatever else changed. */
function describeImport(report: ImportReport, examDate: string | null): string {
  const sentences = [
    `${plural(report.answersAdded, 'answer')} added, ${report.answersAlreadyHere.toLocaleString('en-GB')} already here; ${plural(report.attemptsAdded, 'exam attempt')} added.`,
  ];
  if (report.submittedElsewhere) {
    sentences.push(
      'The exam in progress on this device had been submitted on the other one: its result is with your past attempts.',
    );
  }
  if (report.examInProgress === 'added') {
    sentences.push('The exam in progress in the file is now in progress here.');
  } else if (report.examInProgress === 'kept') {
    sentences.push('Your exam in progress on this device was kept.');
  } else if (report.examInProgress === 'replaced') {
    sentences.push('The exam in progress in the file replaced the one on this device.');
  }
  const day = examDate === null ? null : dayFromIso(examDate);
  if (report.examDate === 'added' && day !== null) {
    sentences.push(`Your exam date is now ${formatDayLong(day)}.`);
  } else if (report.examDate === 'kept' && day !== null) {
    sentences.push(`Your exam date on this device, ${formatDayLong(day)}, was kept.`);
  }
  return sentences.join(' ');
}

/** "340 KB", "12.4 MB": a file's size as people read it. */
const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "started 23 Nov 2026, 09:00; 12 of 40 answered". */
const describeAttempt = (attempt: ExamAttempt) =>
  `started ${when.format(attempt.startedAt)}; ${Object.keys(attempt.responses).length} of ${attempt.itemIds.length} answered`;

/** The student's data: what this device holds, a backup to download, and a backup to import. */
export function DataPage({ stores }: { stores: ProgressStores }) {
  const content = useSyncExternalStore(stores.subscribe, stores.read);
  return (
    <>
      <h1>Your data</h1>
      <p className="lead">
        Everything you do is saved in this browser, on this device only. Download a backup to keep
        it safe, or to carry on on another device: import the file there, and the progress of both
        devices is combined.
      </p>
      <BackupSection content={content} />
      <ImportSection stores={stores} />
    </>
  );
}

function BackupSection({ content }: { content: BackupContent }) {
  const [message, setMessage] = useState('');
  const [warning, setWarning] = useState<string[]>([]);
  const { answers, exams, review, settings } = content;
  const examDay = settings.examDate === null ? null : dayFromIso(settings.examDate);
  const queued = Object.keys(review.cards).length;

  const download = () => {
    const now = Date.now();
    const backup = createBackup(content, now);
    const name = backupFileName(now);
    const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setMessage(
      `Downloaded ${name} (${formatSize(blob.size)}). Keep it somewhere safe, or import it on your other device.`,
    );
    // Checked as an import would check it, so a backup never fails on the other device unseen.
    setWarning(backupProblems(backup));
  };

  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Download a backup</h2>
      <p>This device holds:</p>
      <ul>
        <li>{plural(answers.length, 'answer')}</li>
        <li>
          {plural(exams.past.length, 'submitted mock exam')}
          {exams.current !== null && ', and one in progress'}
        </li>
        <li>{plural(queued, 'question')} in your review queue</li>
        <li>{examDay === null ? 'No exam date' : `Your exam date: ${formatDayLong(examDay)}`}</li>
      </ul>
      <button type="button" className="button button--primary" onClick={download}>
        Download a backup
      </button>
      <p role="status">{message}</p>
      {warning.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>
            This backup holds values that an import would refuse, so it may not import on another
            device. It was downloaded anyway, so that nothing is lost:
          </p>
          <ul className="fault-list">
            {warning.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

type ImportStage =
  | { kind: 'idle' }
  | { kind: 'working'; fileName: string }
  | { kind: 'refused'; fileName: string; problems: string[] }
  | {
      kind: 'asking';
      fileName: string;
      backup: BackupContent;
      conflict: { here: ExamAttempt; file: ExamAttempt };
    }
  | { kind: 'done'; fileName: string; summary: string };

/** Lets the page paint (the "Importing…" status) before a long piece of work. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ImportSection({ stores }: { stores: ProgressStores }) {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const inputId = useId();

  const merge = (fileName: string, backup: BackupContent, choice: ExamInProgressChoice) => {
    const { merged, report } = mergeBackup(stores.read(), backup, choice);
    stores.write(merged);
    setStage({
      kind: 'done',
      fileName,
      summary: describeImport(report, merged.settings.examDate),
    });
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again imports it again.
    event.target.value = '';
    if (file === undefined) return;
    const tooBig = sizeProblem(file.size);
    if (tooBig !== null) {
      setStage({ kind: 'refused', fileName: file.name, problems: [tooBig] });
      return;
    }
    setStage({ kind: 'working', fileName: file.name });
    await nextFrame();
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStage({
        kind: 'refused',
        fileName: file.name,
        problems: [`could not be read (${reason})`],
      });
      return;
    }
    const read = readBackup(text);
    if (!read.ok) {
      setStage({ kind: 'refused', fileName: file.name, problems: read.problems });
      return;
    }
    const conflict = examInProgressConflict(stores.read(), read.backup);
    if (conflict !== null) {
      setStage({ kind: 'asking', fileName: file.name, backup: read.backup, conflict });
      return;
    }
    merge(file.name, read.backup, 'keep-here');
  };

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a backup</h2>
      <p>
        Choose a backup file from this app. Its answers and exam attempts are added to those on this
        device: nothing here is removed, and no answer is counted twice.
      </p>
      <label htmlFor={inputId} className="file-label">
        Backup file
      </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={stage.kind === 'working' || stage.kind === 'asking'}
        onChange={(event) => void choose(event)}
      />
      <p role="status">
        {stage.kind === 'working'
          ? `Importing “${stage.fileName}”…`
          : stage.kind === 'done'
            ? `Imported “${stage.fileName}”: ${stage.summary}`
            : ''}
      </p>
      {stage.kind === 'refused' && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>“{stage.fileName}” was not imported.</strong> Nothing on this device was
            changed. What is wrong with the file:
          </p>
          <ul className="fault-list">
            {stage.problems.map((problem) => (
              <li key={problem}>
                {stage.fileName}: {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stage.kind === 'asking' && (
        <ExamChoice
          fileName={stage.fileName}
          conflict={stage.conflict}
          onImport={(choice) => merge(stage.fileName, stage.backup, choice)}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
    </section>
  );
}

/** Asks which exam in progress to keep when this device and the file each have a different one. */
function ExamChoice({
  fileName,
  conflict,
  onImport,
  onCancel,
}: {
  fileName: string;
  conflict: { here: ExamAttempt; file: ExamAttempt };
  onImport: (choice: ExamInProgressChoice) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<ExamInProgressChoice>('keep-here');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onImport(choice);
  };
  return (
    <form className="notice" aria-labelledby="exam-choice-heading" onSubmit={submit}>
      <h3 id="exam-choice-heading" tabIndex={-1} ref={headingRef}>
        Which exam in progress do you keep?
      </h3>
      <p>
        This device has a mock exam in progress, and so does “{fileName}”. Only one can be in
        progress: the other is left out, with its answers so far. Everything else in the file is
        imported either way.
      </p>
      <fieldset>
        <legend>Exam in progress</legend>
        <label className="topic-choice">
          <input
            type="radio"
            name={name}
            checked={choice === 'keep-here'}
            onChange={() => setChoice('keep-here')}
          />
          <span>The one on this device: {describeAttempt(conflict.here)}</span>
        </label>
        <label className="topic-choice">
          <input
            type="radio"
            name={name}
            checked={choice === 'take-file'}
            onChange={() => setChoice('take-file')}
          />
          <span>The one in the file: {describeAttempt(conflict.file)}</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary">
          Import
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
