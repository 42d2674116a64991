/**
 * What a cached page or memo entry was made from, and what an event changed, so that an event drops only the
 * entries it concerns. An entry names its sources with short tags (`article:12`, `rubric:3`, `tag:7`, `author:2`,
 * `home`, `nav`, `slugs`) and with spans of publication instants: a list of articles by date (a day or month
 * archive, the calendar with its links to the months before and after, an article's previous and next) changes
 * whenever an article enters or leaves the span, so it depends on the span rather than on one month.
 */
import type { ArticleFootprint, DomainEvent } from './events.js';

/** A change: everything (settings, missed events), or these tags and publication instants (epoch ms). */
export type Change = 'all' | { tags: ReadonlySet<string>; instants: readonly number[] };

const NOTHING: Change = { tags: new Set(), instants: [] };

export class Dependencies {
  private tags: Set<string> | null = null;
  /** Closed spans of publication instants, flat: from, to, from, to… */
  private spans: number[] | null = null;
  /** Dependencies shared with other entries (the navigation, a calendar, an article's read model), not copied. */
  private parts: Dependencies[] | null = null;

  tag(tag: string): this {
    (this.tags ??= new Set()).add(tag);
    return this;
  }

  /** Instants as stored (ISO strings); null is open-ended: no article before (or after) the span. */
  span(from: string | null, to: string | null): this {
    (this.spans ??= []).push(from === null ? -Infinity : Date.parse(from), to === null ? Infinity : Date.parse(to));
    return this;
  }

  /** Articles shown, as a card, a link or the page itself. */
  articles(shown: ReadonlyArray<{ id: number }>): this {
    for (const a of shown) this.tag(`article:${a.id}`);
    return this;
  }

  add(other: Dependencies): this {
    (this.parts ??= []).push(other);
    return this;
  }

  affectedBy(change: Change): boolean {
    if (change === 'all') return true;
    if (this.tags) for (const t of change.tags) if (this.tags.has(t)) return true;
    if (this.spans) {
      for (const at of change.instants) {
        for (let i = 0; i < this.spans.length; i += 2) if (this.spans[i]! <= at && at <= this.spans[i + 1]!) return true;
      }
    }
    return this.parts !== null && this.parts.some((part) => part.affectedBy(change));
  }
}

export function isEmpty(change: Change): boolean {
  return change !== 'all' && change.tags.size === 0 && change.instants.length === 0;
}

/** What an event changed, as the tags and instants of the entries it makes stale. */
export function changeOf(event: DomainEvent): Change {
  switch (event.type) {
    case 'settings.changed':
    case 'events.missed':
      return 'all';
    case 'author.changed':
      return { tags: new Set([`author:${event.authorId}`]), instants: [] };
    case 'taxonomy.changed': {
      if (event.rubricIds.length === 0 && event.tagIds.length === 0) return NOTHING;
      const tags = new Set([...event.rubricIds.map((r) => `rubric:${r}`), ...event.tagIds.map((t) => `tag:${t}`)]);
      // Every page's navigation lists the rubrics, in their order.
      if (event.rubricIds.length > 0) tags.add('nav');
      return { tags, instants: [] };
    }
    default:
      return articleChange(event.articleId, event.before, event.after);
  }
}

/**
 * An article's own page and memo entries always go. When it appears, disappears or moves in time, so do the home
 * page, every list it was or is in and the spans holding its instants; while it stays put, only the lists it left
 * or joined (an edit of its text drops the pages that show it and nothing else).
 */
function articleChange(id: number, before: ArticleFootprint, after: ArticleFootprint): Change {
  const tags = new Set([`article:${id}`]);
  if (!before && !after) return { tags, instants: [] };
  const instants: number[] = [];
  const moved = !before || !after || before.publishedAt !== after.publishedAt;
  if (moved) {
    tags.add('home');
    for (const f of [before, after]) if (f) instants.push(Date.parse(f.publishedAt));
  }
  if (before?.slug !== after?.slug) tags.add('slugs');
  for (const [prefix, of] of [
    ['rubric', (f: NonNullable<ArticleFootprint>) => f.rubricIds],
    ['tag', (f: NonNullable<ArticleFootprint>) => f.tagIds],
    ['author', (f: NonNullable<ArticleFootprint>) => f.authorIds],
  ] as const) {
    const was = before ? of(before) : [];
    const is = after ? of(after) : [];
    for (const x of was) if (moved || !is.includes(x)) tags.add(`${prefix}:${x}`);
    for (const x of is) if (moved || !was.includes(x)) tags.add(`${prefix}:${x}`);
  }
  for (const f of [before, after]) for (const t of f?.translationIds ?? []) tags.add(`article:${t}`);
  return { tags, instants };
}
