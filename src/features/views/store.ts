/** Writes of the views counter: an article's total and its count per local day. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Adds `n` views of an article on local day `day` (YYYY-MM-DD) to its total and to that day's count, each in one atomic update. */
export async function addViews(db: Db, articleId: number, day: string, n: number): Promise<void> {
  await db
    .updateTable('articles')
    .set({ view_count: sql`view_count + ${n}` })
    .where('id', '=', articleId)
    .execute();
  await db
    .insertInto('article_daily_views')
    .values({ article_id: articleId, day, views: n })
    .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet({ views: sql`article_daily_views.views + ${n}` }))
    .execute();
}
