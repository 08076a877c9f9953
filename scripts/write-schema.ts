/** `npm run schema`: writes questions/schema.json from the engine's bank schema. */
import { writeFileSync } from 'node:fs';
import { bankJsonSchema } from '../src/engine/json-schema';

writeFileSync('questions/schema.json', `${JSON.stringify(bankJsonSchema(), null, 2)}\n`);
console.log('wrote questions/schema.json');
