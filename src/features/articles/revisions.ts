/** Revisions: what a save records, and a readable diff between two of them. Pure. */
import { diffArrays } from 'diff';
import type { ValidArticleInput } from './rules.js';
import { bodyText, type BodyDoc } from './body.js';

export interface ArticleSnapshot {
  headline: string;
  lead: string;
  body: BodyDoc;
  slug?: string;
  city: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  coverImageId: number | null;
  authors: Array<{ authorId: number; role?: string }>;
  rubricIds: number[];
  tags: string[];
}

export function toSnapshot(a: ValidArticleInput & { slug?: string }): ArticleSnapshot {
  return {
    headline: a.headline,
    lead: a.lead,
    body: a.body,
    slug: a.slug,
    city: a.city,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    coverImageId: a.coverImageId,
    authors: a.authors,
    rubricIds: [...a.rubricIds].sort((x, y) => x - y),
    tags: [...a.tags].sort(),
  };
}

export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string };

/**
 * A word in any script or a single other character (punctuation), each with the whitespace before it; and the
 * whitespace that ends the text. Carrying the whitespace keeps a changed run of words in one piece instead of
 * matching the spaces between them.
 */
const TOKEN = /\s*(?:[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\s])|\s+$/gu;

/**
 * Edits beyond which two texts are shown as replaced whole: it bounds the diff's work (Myers' algorithm is
 * O((N + M) · D)), and a rewrite that large reads better as before and after anyway.
 */
const MAX_EDITS = 1000;

/**
 * A word-level diff in runs; the same and removed runs spell `before`, the same and added ones `after`. The `diff`
 * library's word tokenizer splits Cyrillic letter by letter (and with an Intl.Segmenter is slow on a long body), so
 * the words are split here and diffed as arrays, as its README suggests.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const changes = diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? [], { maxEditLength: MAX_EDITS });
  if (!changes) return [{ op: 'removed', text: before }, { op: 'added', text: after }];
  return changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value.join('') }));
}

export interface FieldDiff {
  field: keyof ArticleSnapshot;
  parts: DiffPart[];
}

const TEXT_FIELDS = ['headline', 'lead', 'slug', 'city', 'seoTitle', 'seoDescription'] as const;

/** The fields that differ between two snapshots, each with a word diff. */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of TEXT_FIELDS) {
    const x = before[field] ?? '';
    const y = after[field] ?? '';
    if (x !== y) diffs.push({ field, parts: diffWords(x, y) });
  }
  const bx = bodyText(before.body);
  const by = bodyText(after.body);
  if (bx !== by || JSON.stringify(before.body) !== JSON.stringify(after.body)) diffs.push({ field: 'body', parts: diffWords(bx, by) });
  for (const field of ['tags', 'rubricIds', 'authors', 'coverImageId'] as const) {
    const x = JSON.stringify(before[field]);
    const y = JSON.stringify(after[field]);
    if (x !== y) diffs.push({ field, parts: [{ op: 'removed', text: x }, { op: 'added', text: y }] });
  }
  return diffs;
}
