import type { Item } from '../engine/bank-schema';
import { letterAt } from './letters';

/**
 * Every option of an answered item, in the order the student saw them, each with why it is right
 * or wrong. The key and the student's choice are marked in words and symbols, not colour alone.
 */
export function OptionReview({
  item,
  order,
  choice,
}: {
  item: Item;
  order: readonly string[];
  choice: string | null;
}) {
  return (
    <ol className="option-review" aria-label="Why each option is right or wrong">
      {order.map((optionId, position) => {
        const option = item.options.find((o) => o.id === optionId);
        if (option === undefined) return null;
        const isKey = option.id === item.answer;
        const isChoice = option.id === choice;
        const status = isKey ? 'key' : isChoice ? 'wrong-choice' : 'other';
        return (
          <li key={option.id} className={`option-review__option option-review__option--${status}`}>
            <p className="option-review__text">
              <span className="option-letter" aria-hidden="true">
                {letterAt(position)}
              </span>
              <span className="visually-hidden">Option {letterAt(position)}: </span>
              {option.text}
            </p>
            <p className="option-review__tags">
              {isKey && <span className="tag tag--key">✓ Correct answer</span>}
              {isChoice && !isKey && <span className="tag tag--wrong">✗ Your answer</span>}
              {isChoice && isKey && <span className="tag tag--chosen">Your answer</span>}
            </p>
            <p className="option-review__why">
              <strong>{isKey ? 'Why it is right: ' : 'Why it is wrong: '}</strong>
              {isKey ? item.explanation : item.rationale[option.id]}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
