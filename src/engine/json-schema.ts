import * as z from 'zod/mini';
import { bankManifestSchema, itemsFileSchema } from './bank-schema';

/** The JSON Schema for editors, generated from the bank schema so the two can never disagree. */
export function bankJsonSchema(): Record<string, unknown> {
  const manifest = z.toJSONSchema(bankManifestSchema);
  const itemsFile = z.toJSONSchema(itemsFileSchema);
  const strip = ({ $schema: _dialect, ...rest }: Record<string, unknown>) => rest;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'ITIL practice question bank file',
    description:
      'Generated from src/engine/bank-schema.ts by `npm run schema`. bank.json is a manifest; every other file holds items.',
    anyOf: [
      { title: 'Bank manifest (bank.json)', ...strip(manifest) },
      { title: 'Items file', ...strip(itemsFile) },
    ],
  };
}
