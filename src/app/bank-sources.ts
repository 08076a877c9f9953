import type { BankSource } from '../engine/load-bank';
import { fetchText } from './fetch-text';

/**
 * Every bank file under questions/, emitted by Vite as a hashed asset and fetched (then validated)
 * at run time, so a bank is data, loads only when needed, and is precached for offline use.
 */
const urls = import.meta.glob<string>('/questions/*/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** The banks shipped with the app, one source per questions/<bank-id>/ folder. */
export function shippedBankSources(): BankSource[] {
  const byBank = new Map<string, BankSource>();
  for (const [path, url] of Object.entries(urls)) {
    const bankId = path.split('/')[2] ?? '';
    const source = byBank.get(bankId) ?? { id: bankId, files: [] };
    source.files.push({ path: path.slice(1), url, read: () => fetchText(url) });
    byBank.set(bankId, source);
  }
  return [...byBank.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
