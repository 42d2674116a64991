/** Pure rules about articles: addresses, input validation (the body's whitelist included), policy refusals, reading time. */
import { z } from 'zod';
import { LANGS, langPrefix, type Lang } from '../../lib/i18n.js';
import { isValidSlug } from '../../lib/slug.js';
import { DomainError } from '../../lib/errors.js';
import { can, type Action, type Actor, type ArticleResource } from '../accounts/policy.js';
import { BodyError, normalizeBody } from './body-schema.js';
import type { BodyDoc } from './body.js';

export function articlePath(lang: Lang, slug: string, siteLocale: Lang): string {
  return `${langPrefix(lang, siteLocale)}/news/${slug}`;
}

/**
 * An article body: any document is accepted and only what body-schema.ts allows of it is kept, whichever path it
 * came by. What is not a document, or is too large, is an issue with the reason a person reads.
 */
export const articleBodySchema = z.custom<BodyDoc>().transform((body, ctx) => {
  try {
    return normalizeBody(body);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});

export const articleInputSchema = z.object({
  lang: z.enum(LANGS),
  slug: z.string().refine(isValidSlug, 'may contain only lowercase latin letters, digits and single hyphens').optional(),
  headline: z.string().trim().min(1, 'is required').max(300),
  lead: z.string().trim().max(1000).default(''),
  body: articleBodySchema,
  authors: z.array(z.object({ authorId: z.number().int().positive(), role: z.string().trim().max(120).optional() })).max(10).default([]),
  rubricIds: z.array(z.number().int().positive()).max(10).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  city: z.string().trim().max(80).nullable().default(null),
  coverImageId: z.number().int().positive().nullable().default(null),
  translationOf: z.number().int().positive().nullable().default(null),
  seoTitle: z.string().trim().max(300).nullable().default(null),
  seoDescription: z.string().trim().max(500).nullable().default(null),
});
export type ArticleInput = z.input<typeof articleInputSchema>;
export type ValidArticleInput = z.output<typeof articleInputSchema>;

/**
 * Throws FORBIDDEN, with a reason a person understands, unless the policy allows the actor the action: on this
 * article, or (without one) for the actor's role at all.
 */
export function assertAllowed(actor: Actor, action: Action, article?: ArticleResource): void {
  if (!can(actor, action, article)) {
    throw new DomainError('FORBIDDEN', actor.role === 'author' ? 'Authors can change only their own drafts; publishing is for editors.' : 'Your role does not allow this.');
  }
}

export function articleNotFound(id: number): DomainError {
  return new DomainError('ARTICLE_NOT_FOUND', `Article ${id} does not exist.`);
}

const WORDS_PER_MINUTE = 200;

export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
