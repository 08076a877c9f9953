/**
 * `npm run validate [-- <questions dir>]`: checks every bank and prints one line per fault.
 * Exit status 1 on any fault, so a broken bank never reaches a build or a student.
 */
import { existsSync } from 'node:fs';
import { formatFault, validateBank } from '../src/engine/validate-bank';
import { readBankFolders } from './bank-files';

const questionsDir = process.argv[2] ?? 'questions';
if (!existsSync(questionsDir)) {
  console.error(`${questionsDir}: no such directory`);
  process.exit(1);
}
const folders = readBankFolders(questionsDir);
let faultCount = 0;
if (folders.length === 0) {
  console.error(`${questionsDir}: no bank folders found`);
  faultCount += 1;
}
for (const folder of folders) {
  const { bank, faults } = validateBank(folder.files);
  for (const fault of faults) console.error(formatFault(fault));
  faultCount += faults.length;
  if (bank !== null) {
    if (bank.manifest.id !== folder.id) {
      console.error(
        `${folder.id}/bank.json: id "${bank.manifest.id}" differs from its folder name "${folder.id}"`,
      );
      faultCount += 1;
    }
    console.log(
      `${folder.id}: ${bank.items.length} items in ${folder.files.length - 1} files, ${bank.manifest.topics.length} topics: valid`,
    );
  } else {
    console.log(`${folder.id}: ${faults.length} fault${faults.length === 1 ? '' : 's'}`);
  }
}
process.exit(faultCount > 0 ? 1 : 0);
