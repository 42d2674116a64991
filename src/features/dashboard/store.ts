/** The dashboard's reads: draft, review and scheduled queues, and the most-read articles of a few local days. */
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';

type Db = Kysely<Database>;

export interface QueueItem {
  id: number;
  lang: string;
  headline: string;
  /** Who created the article (the account's name), when known. */
  createdBy: string | null;
  /** The instant that matters for the queue: last edit (drafts), submission (review), publication time (scheduled). */
  at: string | null;
}

export interface MostReadItem {
  id: number;
  lang: string;
  slug: string;
  headline: string;
  views: number;
}

export interface QueueFilter {
  /** Only articles created by this user (an author sees only their own). */
  createdBy?: number;
  limit: number;
}

function queue(db: Db, status: ArticleStatus, filter: QueueFilter) {
  let q = db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.created_by')
    .where('articles.status', '=', status)
    .select(['articles.id', 'articles.lang', 'articles.headline', 'users.name as createdBy'])
    .limit(filter.limit);
  if (filter.createdBy !== undefined) q = q.where('articles.created_by', '=', filter.createdBy);
  return q;
}

/** Drafts, most recently edited first. */
export async function recentDrafts(db: Db, filter: QueueFilter): Promise<QueueItem[]> {
  return queue(db, 'draft', filter).select('articles.updated_at as at').orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc').execute();
}

/** Articles waiting for an editor, the longest waiting first. */
export async function inReview(db: Db, filter: QueueFilter): Promise<QueueItem[]> {
  return queue(db, 'review', filter).select('articles.submitted_at as at').orderBy('articles.submitted_at', 'asc').orderBy('articles.id', 'asc').execute();
}

/** Articles set to go out at a given time, the next one first. */
export async function scheduledQueue(db: Db, filter: QueueFilter): Promise<QueueItem[]> {
  return queue(db, 'scheduled', filter).select('articles.published_at as at').orderBy('articles.published_at', 'asc').orderBy('articles.id', 'asc').execute();
}

/** Published articles with the most views over the given local days (keys YYYY-MM-DD). */
export async function mostRead(db: Db, days: string[], limit: number): Promise<MostReadItem[]> {
  if (days.length === 0) return [];
  const rows = await db
    .selectFrom('article_daily_views')
    .innerJoin('articles', 'articles.id', 'article_daily_views.article_id')
    .where('article_daily_views.day', 'in', days)
    .where('articles.status', '=', 'published')
    .select((eb) => ['articles.id', 'articles.lang', 'articles.slug', 'articles.headline', eb.fn.sum<number | string>('article_daily_views.views').as('views')])
    .groupBy(['articles.id', 'articles.lang', 'articles.slug', 'articles.headline'])
    .orderBy('views', 'desc')
    .orderBy('articles.id', 'asc')
    .limit(limit)
    .execute();
  // PostgreSQL sums to bigint, which pg hands over as a string.
  return rows.map((r) => ({ ...r, views: Number(r.views) }));
}
