import * as z from 'zod/mini';

/**
 * The bank format, written by hand by content authors. This module is the single truth for the
 * types, for validation (build time and run time) and for `questions/schema.json`.
 */

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'is missing or empty'));
const slug = () =>
  z
    .string()
    .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens'));

export const topicKindSchema = z.enum(['stage', 'function', 'process', 'concept']);

export const topicSchema = z.strictObject({
  id: slug(),
  title: nonEmpty(),
  kind: topicKindSchema,
  parent: z.optional(slug()),
  weight: z.optional(z.number().check(z.gt(0), z.lte(1))),
});

export const examSettingsSchema = z.strictObject({
  questionCount: z.int().check(z.gte(1), z.lte(200)),
  minutes: z.int().check(z.gte(1), z.lte(600)),
  passMark: z.int().check(z.gte(1)),
  extraTimeFactor: z.number().check(z.gte(1), z.lte(3)),
});

export const bankManifestSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: slug(),
  title: nonEmpty(),
  syllabus: nonEmpty(),
  exam: examSettingsSchema,
  topics: z.array(topicSchema).check(z.minLength(1, 'must list at least one topic')),
});

export const optionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-e]$/, 'must be one letter from a to e')),
  text: nonEmpty(),
});

export const itemSchema = z.strictObject({
  id: slug(),
  topics: z.array(slug()).check(z.minLength(1, 'must name at least one topic')),
  stem: nonEmpty(),
  options: z
    .array(optionSchema)
    .check(z.minLength(3, 'must have 3 to 5 options'), z.maxLength(5, 'must have 3 to 5 options')),
  answer: z.string().check(z.minLength(1, 'is missing')),
  explanation: nonEmpty(),
  rationale: z.record(z.string(), nonEmpty()),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  fixedOrder: z.optional(z.literal(true)),
  ref: z.optional(z.string().check(z.regex(/^ITILFND0[1-9]$/, 'must be a unit such as ITILFND05'))),
});

export const itemsFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  items: z.array(itemSchema),
});

export type TopicKind = z.infer<typeof topicKindSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type ExamSettings = z.infer<typeof examSettingsSchema>;
export type BankManifest = z.infer<typeof bankManifestSchema>;
export type Option = z.infer<typeof optionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemsFile = z.infer<typeof itemsFileSchema>;

/** A validated bank: its manifest and every item, in file order. */
export interface Bank {
  manifest: BankManifest;
  items: Item[];
}
