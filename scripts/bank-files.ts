import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BankFile } from '../src/engine/validate-bank';

/** A bank folder's JSON files, with paths as an author sees them (relative to the working directory). */
export interface BankFolder {
  id: string;
  files: BankFile[];
}

/** Every bank folder under a questions directory, its files read as text. */
export function readBankFolders(questionsDir: string): BankFolder[] {
  return readdirSync(questionsDir)
    .filter((name) => statSync(join(questionsDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(questionsDir, name);
      const files = readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => {
          const path = join(dir, file);
          return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
        });
      return { id: name, files };
    });
}
