/** Author profiles (bylines): the shape of a profile and its parsing. Pure; no I/O. */
import { z } from 'zod';
import { DomainError } from '../../lib/errors.js';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../../lib/slug.js';

export const AUTHOR_LIMITS = { name: 120, roleTitle: 120, bio: 2000 } as const;

const text = (max: number) => z.string().trim().max(max).default('');

/**
 * A profile as the back office edits it. The Russian texts are the primary ones (columns name,
 * role_title, bio); the English ones go to `translations` under the same field names.
 */
export const authorInputSchema = z.object({
  name: z.string().trim().min(1).max(AUTHOR_LIMITS.name),
  slug: z.string().trim().max(MAX_SLUG_LENGTH).regex(SLUG_PATTERN).optional(),
  roleTitle: text(AUTHOR_LIMITS.roleTitle),
  bio: text(AUTHOR_LIMITS.bio),
  photoImageId: z.number().int().positive().nullable().default(null),
  en: z
    .object({
      name: text(AUTHOR_LIMITS.name),
      roleTitle: text(AUTHOR_LIMITS.roleTitle),
      bio: text(AUTHOR_LIMITS.bio),
    })
    .default({ name: '', roleTitle: '', bio: '' }),
});
export type AuthorInput = z.input<typeof authorInputSchema>;
export type AuthorValues = z.output<typeof authorInputSchema>;

/** Translation field names in the `translations` JSON, as the public pages read them. */
export const TRANSLATED_FIELDS = { name: 'name', roleTitle: 'role_title', bio: 'bio' } as const;

export function parseAuthorInput(input: AuthorInput): AuthorValues {
  const parsed = authorInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
  throw new DomainError('VALIDATION', `The profile is not valid: ${details.join('; ')}`, details);
}
