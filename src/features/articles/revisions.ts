/** Revisions: what a save records, and a readable diff between two of them. Pure. */
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

/** A word-level diff (longest common subsequence), merged into runs. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  // Long texts: compare paragraphs' words but cap the table to keep a diff cheap.
  if (a.length * b.length > 4_000_000) return [{ op: 'removed', text: before }, { op: 'added', text: after }];
  const dp: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  }
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return out;
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
