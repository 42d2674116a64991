/** Rubrics and tags: the shape of their inputs and the order of rubrics. Pure; no I/O. */
import { z } from 'zod';
import { DomainError } from '../../lib/errors.js';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../../lib/slug.js';

export const NAME_MAX = 120;

const slug = z.string().trim().max(MAX_SLUG_LENGTH).regex(SLUG_PATTERN);
const name = z.string().trim().min(1).max(NAME_MAX);
const optionalName = z.string().trim().max(NAME_MAX);

/** A new rubric: the Russian name is the primary one, the English one goes to `translations`. */
export const rubricCreateSchema = z.object({
  name,
  nameEn: optionalName.default(''),
  slug: slug.optional(),
  isFlag: z.boolean().default(false),
});
export type RubricCreateInput = z.input<typeof rubricCreateSchema>;

/** A rename: any of the names and/or a new address; what is left out stays as it is. */
export const rubricRenameSchema = z.object({
  name: name.optional(),
  nameEn: optionalName.optional(),
  slug: slug.optional(),
});
export type RubricRenameInput = z.input<typeof rubricRenameSchema>;

/** A tag rename: the new name, and the address (derived from the name when left out). */
export const tagRenameSchema = z.object({
  name,
  slug: slug.optional(),
});
export type TagRenameInput = z.input<typeof tagRenameSchema>;

/** Parses an input with a schema, or throws a VALIDATION error whose details name the fields at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`);
  throw new DomainError('VALIDATION', `Not valid: ${details.join('; ')}`, details);
}

/** The new order of ids after moving one a step up or down within its own group (flags and sections are ordered apart). */
export function moveInOrder<T extends { id: number; group: number }>(ordered: T[], id: number, direction: 'up' | 'down'): number[] {
  const ids = ordered.map((r) => r.id);
  const at = ordered.findIndex((r) => r.id === id);
  if (at < 0) return ids;
  const step = direction === 'up' ? -1 : 1;
  const other = at + step;
  if (other < 0 || other >= ordered.length || ordered[other]!.group !== ordered[at]!.group) return ids;
  [ids[at], ids[other]] = [ids[other]!, ids[at]!];
  return ids;
}
