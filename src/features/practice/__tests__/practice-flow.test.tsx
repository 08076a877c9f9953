import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { items, manifest } from '../../../engine/__tests__/fixtures';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../../../state/history-store';
import { inlineBankSource, renderApp, resetSavedState } from '../../../test/render-app';
import { PRACTICE_STORAGE_KEY, usePracticeStore } from '../practice-store';

const miniBank = () =>
  inlineBankSource('mini', {
    'questions/mini/bank.json': JSON.stringify(manifest),
    'questions/mini/items.json': JSON.stringify({ items }),
  });

async function startSoPractice() {
  const view = renderApp('/practice', [miniBank()]);
  await view.user.click(await screen.findByRole('checkbox', { name: /Service Operation/ }));
  await view.user.click(screen.getByRole('button', { name: 'Start practice' }));
  await screen.findByRole('heading', { name: 'Question 1 of 4' });
  return view;
}

describe('practice flow', () => {
  beforeEach(resetSavedState);

  it('asks for a topic before starting', async () => {
    const { user } = renderApp('/practice', [miniBank()]);
    await user.click(await screen.findByRole('button', { name: 'Start practice' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one topic to practise.');
  });

  it('shows whether the answer was right, the explanation and why each option is right or wrong', async () => {
    const { user } = await startSoPractice();
    const answers = screen.getByRole('group', { name: 'Answers' });
    await user.click(within(answers).getByRole('button', { name: /The first choice/ }));

    expect(
      screen.getByRole('heading', { level: 2, name: /Incorrect: the answer is [A-D]/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Incorrect\. The right answer is [A-D]\./);
    const review = screen.getByRole('list', { name: 'Why each option is right or wrong' });
    const options = within(review).getAllByRole('listitem');
    expect(options).toHaveLength(4);
    const byText = (text: string) => options.find((o) => o.textContent?.includes(text));
    expect(byText('The first choice')).toHaveTextContent('✗ Your answer');
    expect(byText('The first choice')).toHaveTextContent('Why it is wrong: Wrong because one.');
    expect(byText('The second choice')).toHaveTextContent('✓ Correct answer');
    expect(byText('The second choice')).toHaveTextContent(
      'Why it is right: Because the second choice is what the syllabus says.',
    );
    expect(byText('The third choice')).toHaveTextContent('Why it is wrong: Wrong because three.');
    expect(byText('The fourth choice')).toHaveTextContent('Why it is wrong: Wrong because four.');
  });

  it('saves each answer the moment it is given', async () => {
    const { user } = await startSoPractice();
    await user.click(screen.getByRole('button', { name: /The second choice/ }));
    expect(screen.getByRole('heading', { level: 2, name: '✓ Correct' })).toBeInTheDocument();
    const [answer] = useHistoryStore.getState().answers;
    expect(answer).toMatchObject({ bankId: 'mini', choice: 'b', correct: true, mode: 'practice' });
    const saved = JSON.parse(localStorage.getItem(HISTORY_STORAGE_KEY) ?? '{}') as {
      state: { answers: unknown[] };
    };
    expect(saved.state.answers).toHaveLength(1);
  });

  it('can be used by keyboard alone, through to a summary per topic', async () => {
    const { user } = await startSoPractice();
    for (let n = 1; n <= 4; n++) {
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Question ${n} of 4`);
      const answers = within(screen.getByRole('group', { name: 'Answers' })).getAllByRole('button');
      // Answer question 1 right by its letter and the rest wrong by number keys.
      const keyIndex = answers.findIndex((b) => b.textContent?.includes('The second choice'));
      const wrongIndex = answers.findIndex((b) => !b.textContent?.includes('The second choice'));
      await user.keyboard(n === 1 ? 'ABCD'.charAt(keyIndex).toLowerCase() : String(wrongIndex + 1));
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
        n === 1 ? 'Correct' : 'Incorrect',
      );
      await user.keyboard('{Enter}');
    }
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Practice summary' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/You answered/)).toHaveTextContent(
      'You answered 1 of 4 correctly (25%).',
    );
    const table = screen.getByRole('table', { name: 'Score per topic' });
    expect(within(table).getByRole('row', { name: /^Service Operation/ })).toHaveTextContent(
      '1 of 4',
    );
    expect(within(table).getByRole('row', { name: /^Incident management/ })).toHaveTextContent(
      'of 2',
    );
    expect(useHistoryStore.getState().answers).toHaveLength(4);
  });

  it('retries only the questions answered wrongly', async () => {
    const { user } = await startSoPractice();
    for (let n = 1; n <= 4; n++) {
      await user.click(
        screen.getByRole('button', { name: n === 1 ? /The first choice/ : /The second choice/ }),
      );
      await user.click(
        screen.getByRole('button', { name: n === 4 ? 'See your results' : 'Next question' }),
      );
    }
    await user.click(await screen.findByRole('button', { name: 'Retry the 1 I got wrong' }));
    expect(await screen.findByRole('heading', { name: 'Question 1 of 1' })).toBeInTheDocument();
  });

  it('resumes a session after a reload at the question reached', async () => {
    const { user, unmount } = await startSoPractice();
    await user.click(screen.getByRole('button', { name: /The second choice/ }));
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    unmount();
    // A reload: memory is wiped and the store comes back from what was saved.
    const saved = localStorage.getItem(PRACTICE_STORAGE_KEY) ?? '';
    usePracticeStore.setState({ session: null });
    localStorage.setItem(PRACTICE_STORAGE_KEY, saved);
    await usePracticeStore.persist.rehydrate();
    renderApp('/practice', [miniBank()]);
    await user.click(await screen.findByRole('link', { name: 'Continue where you left off' }));
    expect(await screen.findByRole('heading', { name: 'Question 2 of 4' })).toBeInTheDocument();
  });

  it('shows markup in bank text as inert text', async () => {
    const hostile = '<img src=x onerror="window.hacked=1"> What is <b>bold</b>?';
    const hostileItems = items.map((item, n) =>
      n === 0
        ? { ...item, stem: hostile, explanation: '<script>window.hacked=1</script> Because.' }
        : item,
    );
    const view = renderApp('/practice', [
      inlineBankSource('mini', {
        'questions/mini/bank.json': JSON.stringify(manifest),
        'questions/mini/items.json': JSON.stringify({ items: hostileItems }),
      }),
    ]);
    await view.user.click(await screen.findByRole('checkbox', { name: /Incident management/ }));
    await view.user.click(screen.getByRole('button', { name: 'Start practice' }));
    await screen.findByRole('heading', { name: /Question 1 of/ });
    // Whichever incident item comes first, the hostile one is shown as plain text when it appears.
    for (let n = 0; n < 2; n++) {
      if (screen.queryByText(hostile) !== null) {
        await view.user.keyboard('a');
        expect(
          screen.getAllByText(/<script>window.hacked=1<\/script> Because\./).length,
        ).toBeGreaterThan(0);
      } else {
        await view.user.keyboard('a');
      }
      await view.user.keyboard('{Enter}');
    }
    expect(document.querySelector('img, b, script')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('shows a broken bank as a clear message and keeps the app working', async () => {
    const broken = inlineBankSource('broken', {
      'questions/broken/bank.json': JSON.stringify(manifest),
      'questions/broken/items.json': '{ "items": [',
    });
    renderApp('/', [broken, miniBank()]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The question bank “broken” could not be loaded');
    expect(alert).toHaveTextContent('questions/broken/items.json: is not valid JSON');
    expect(await screen.findByRole('heading', { name: 'Mini bank' })).toBeInTheDocument();
  });
});
