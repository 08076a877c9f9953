/**
 * Helpers for the mock-exam browser tests: the answer key, read from the bank files on disk (as a
 * student with the book open would know it), and the steps of sitting an exam as a student does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './helpers';

const BANK_DIR = join(ROOT, 'questions', 'itil-2011-foundation');

/** An item of the bank as written in its file. */
export interface BankItem {
  id: string;
  topics: string[];
  stem: string;
  options: { id: string; text: string }[];
  answer: string;
}

interface BankTopic {
  id: string;
  title: string;
  kind: string;
  parent?: string;
}

/** The bank's items by stem (stems are unique in a bank) and its topics, read from disk. */
export function readBank(): { byStem: Map<string, BankItem>; topics: BankTopic[] } {
  const byStem = new Map<string, BankItem>();
  let topics: BankTopic[] = [];
  for (const file of readdirSync(BANK_DIR).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(BANK_DIR, file), 'utf8')) as {
      items?: BankItem[];
      topics?: BankTopic[];
    };
    for (const item of data.items ?? []) byStem.set(item.stem, item);
    if (data.topics !== undefined) topics = data.topics;
  }
  return { byStem, topics };
}

/** The heading of the exam question on screen: "Question 3 of 40", with "⚑ Flagged" when flagged. */
export const examHeading = (page: Page, position?: number) =>
  page.getByRole('heading', {
    level: 1,
    name:
      position === undefined ? /^Question \d+ of 40/ : new RegExp(`^Question ${position} of 40`),
  });

/** The navigator's button for a question ("Question 3, answered, flagged"). */
export const navigatorButton = (page: Page, position: number) =>
  page
    .getByRole('navigation', { name: 'Question navigator' })
    .getByRole('button', { name: new RegExp(`^Question ${position}, `) });

/** The count above the question: "5 of 40 answered". */
export const answeredCount = (page: Page) => page.getByText(/^\d+ of \d+ answered$/).textContent();

/** The time left on the exam clock, in seconds. */
export async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Time left' }).textContent()) ?? '';
  const [, minutes, seconds] = /^(\d+):(\d\d)$/.exec(text.trim()) ?? [];
  if (minutes === undefined || seconds === undefined) throw new Error(`no clock in "${text}"`);
  return Number(minutes) * 60 + Number(seconds);
}

/** An option as the exam shows it: a radio button named "B: text". */
const optionRadio = (page: Page, letter: string, text: string) =>
  page.getByRole('radio', { name: `${letter}: ${text}`, exact: true });

const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/** The question on screen, looked up in the bank by its stem, and the letter of its key. */
export async function questionOnScreen(page: Page, byStem: Map<string, BankItem>) {
  const stem = await page.locator('.exam__options legend').textContent();
  const item = byStem.get(stem ?? '');
  if (item === undefined) throw new Error(`the stem on screen is not in the bank: ${stem}`);
  const answerText = item.options.find((o) => o.id === item.answer)?.text ?? '';
  const letters = LETTERS.slice(0, item.options.length);
  const shown = await Promise.all(
    letters.map((letter) => optionRadio(page, letter, answerText).count()),
  );
  const keyPosition = shown.indexOf(1);
  if (keyPosition < 0) throw new Error(`the key of ${item.id} is not among the options shown`);
  return { item, keyPosition, optionCount: item.options.length };
}

/** Chooses the right or a wrong option of the question on screen, by clicking it. */
export async function answerQuestion(
  page: Page,
  byStem: Map<string, BankItem>,
  right: boolean,
): Promise<BankItem> {
  const { item, keyPosition, optionCount } = await questionOnScreen(page, byStem);
  const position = right ? keyPosition : (keyPosition + 1) % optionCount;
  const radio = page.getByRole('radio', { name: new RegExp(`^${LETTERS[position]}: `) });
  await radio.check();
  return item;
}

/** The per-topic rows a student should see for these answers: each counts for its topic and every ancestor. */
export function expectedTopicRows(
  topics: BankTopic[],
  answers: { item: BankItem; right: boolean }[],
): Map<string, string> {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const counts = new Map<string, { correct: number; attempted: number }>();
  for (const { item, right } of answers) {
    for (let id: string | undefined = item.topics[0]; id !== undefined; id = byId.get(id)?.parent) {
      const count = counts.get(id) ?? { correct: 0, attempted: 0 };
      count.attempted += 1;
      if (right) count.correct += 1;
      counts.set(id, count);
    }
  }
  return new Map(
    [...counts].map(([id, { correct, attempted }]) => {
      const topic = byId.get(id);
      return [
        `${topic?.title} (${topic?.kind})`,
        `${correct} of ${attempted} | ${Math.round((correct / attempted) * 100)}%`,
      ];
    }),
  );
}

/** From /exam, starts a mock exam with a timing ("60 minutes", "No time limit") and waits for question 1. */
export async function startMockExam(page: Page, timing = '60 minutes') {
  await page.getByRole('radio', { name: new RegExp(`^${timing}`) }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await examHeading(page, 1).waitFor();
}
