import { useId, useState, type FormEvent } from 'react';
import { dayFromIso, isoDate, type DayNumber } from '../../engine/progress-days';
import { useSettingsStore } from '../../state/settings-store';
import { formatDayLong, plural } from '../../ui/dates';

/** Sets the date of the student's real exam, which the daily goal and the reviews aim at. */
export function ExamDateForm({ today }: { today: DayNumber }) {
  const examDate = useSettingsStore((s) => s.examDate);
  const setExamDate = useSettingsStore((s) => s.setExamDate);
  const [value, setValue] = useState(examDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const examDay = examDate === null ? null : dayFromIso(examDate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = dayFromIso(value);
    if (day === null) {
      setError('Enter the date of your exam, for example 14 December 2026.');
      return;
    }
    if (day < today) {
      setError('That date has passed. Enter the date of your next exam.');
      return;
    }
    setError(null);
    setExamDate(value);
    setSaved(`Saved: your exam is on ${formatDayLong(day)}.`);
  };
  const clear = () => {
    setExamDate(null);
    setValue('');
    setError(null);
    setSaved('Exam date cleared.');
  };

  return (
    <section className="card" aria-labelledby="exam-date-heading">
      <h2 id="exam-date-heading">Your exam date</h2>
      <p>
        {examDay === null
          ? 'Set the date of your real exam: the daily goal and your reviews will aim to have you ready by then.'
          : examDay === today
            ? `Your exam is today, ${formatDayLong(examDay)}. Good luck!`
            : examDay < today
              ? `The exam date you set, ${formatDayLong(examDay)}, has passed. Set your next one.`
              : `Your exam is on ${formatDayLong(examDay)}, in ${plural(examDay - today, 'day')}.`}
      </p>
      <form className="exam-date-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Date of your real exam</label>
        <p className="hint" id={hintId}>
          For example 14 December 2026.
        </p>
        <div className="exam-date-form__row">
          <input
            id={inputId}
            type="date"
            value={value}
            min={isoDate(today)}
            aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
            aria-invalid={error !== null}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button">
            Save exam date
          </button>
          {examDate !== null && (
            <button type="button" className="button" onClick={clear}>
              Clear exam date
            </button>
          )}
        </div>
        {error !== null && (
          <p className="form-error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <p className="visually-hidden" role="status">
          {saved}
        </p>
      </form>
    </section>
  );
}
