import { screen, within } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/bank-schema';
import { renderApp, resetSavedState } from '../../test/render-app';

const BANK_DIR = 'questions/itil-2011-foundation';
const realItems: Item[] = readdirSync(BANK_DIR)
  .filter((file) => file.endsWith('.json') && file !== 'bank.json')
  .flatMap(
    (file) => (JSON.parse(readFileSync(`${BANK_DIR}/${file}`, 'utf8')) as { items: Item[] }).items,
  );

describe('the app with the real ITIL 2011 bank', () => {
  beforeEach(resetSavedState);

  it('answers a real question and shows its explanation and every option’s rationale', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { name: 'ITIL 2011 Foundation' });
    await user.click(screen.getByRole('link', { name: 'Practise by topic' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Service Operation/ }));
    await user.click(screen.getByRole('button', { name: 'Start practice' }));
    await screen.findByRole('heading', { name: 'Question 1 of 10' });

    const stem = document.querySelector('.stem')?.textContent ?? '';
    const item = realItems.find((i) => i.stem === stem);
    expect(item).toBeDefined();
    if (item === undefined) return;
    const firstButton = within(screen.getByRole('group', { name: 'Answers' })).getAllByRole(
      'button',
    )[0];
    if (firstButton === undefined) throw new Error('no answer buttons');
    await user.click(firstButton);

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/Correct|Incorrect/);
    const review = screen.getByRole('list', { name: 'Why each option is right or wrong' });
    expect(review).toHaveTextContent(item.explanation);
    for (const [optionId, why] of Object.entries(item.rationale)) {
      const option = item.options.find((o) => o.id === optionId);
      // The row whose option reads exactly so: one option's text can be part of another's
      // ("3 and 4 only", "2, 3 and 4 only").
      const row = within(review)
        .getAllByRole('listitem')
        .find((li) => li.querySelector('p')?.textContent?.endsWith(`: ${option?.text ?? '?'}`));
      expect(row).toHaveTextContent(`Why it is wrong: ${why}`);
    }
  });
});
