/** The editorial slice's SQL: the back office's reads of articles, their revisions and who saved them. */
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import { containsText } from '../../storage/like.js';

type Db = Kysely<Database>;

/** What the back office shows of an article beside its fields, and what the policy decides on. */
export function articleResource(db: Db, id: number) {
  return db.selectFrom('articles').select(['id', 'status', 'created_by', 'lang', 'slug', 'updated_at', 'published_at', 'revised_at']).where('id', '=', id).executeTakeFirst();
}

export async function userName(db: Db, id: number): Promise<string | null> {
  return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

/** A page of the article list, last changed first, and the count of all that match. */
export async function listArticles(db: Db, filter: { createdBy?: number; status?: ArticleStatus; q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('articles');
  if (filter.createdBy !== undefined) q = q.where('created_by', '=', filter.createdBy);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.q) q = q.where((eb) => containsText(eb.ref('headline'), filter.q!));
  const [rows, count] = await Promise.all([
    q
      .select(['id', 'status', 'lang', 'headline', 'slug', 'updated_at', 'published_at', 'created_by'])
      .select((eb) => eb.exists(eb.selectFrom('article_working_copies').select('article_id').whereRef('article_working_copies.article_id', '=', 'articles.id')).as('pending'))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Articles in `lang` a translation may be linked to, newest first, at most `limit`: with `visibleTo`, only those
 * published or created by that user; those older than `before` (an id), and whose headline contains `q`.
 */
export function translationCandidateRows(db: Db, query: { lang: string; visibleTo?: number; exclude?: number; before?: number; q?: string; limit: number }) {
  return db
    .selectFrom('articles')
    .select(['id', 'headline', 'lang', 'status'])
    .where('lang', '=', query.lang)
    .$if(query.visibleTo !== undefined, (q) => q.where((eb) => eb.or([eb('status', '=', 'published'), eb('created_by', '=', query.visibleTo!)])))
    .$if(query.exclude !== undefined, (q) => q.where('id', '!=', query.exclude!))
    .$if(query.before !== undefined, (q) => q.where('id', '<', query.before!))
    .$if(Boolean(query.q), (q) => q.where((eb) => containsText(eb.ref('headline'), query.q!)))
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
}

/** An article's revisions, newest first, with the name of who saved each. */
export function revisionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.user_id')
    .select(['article_revisions.id', 'article_revisions.created_at', 'article_revisions.pending', 'users.name as user_name'])
    .where('article_id', '=', articleId)
    .orderBy('article_revisions.id', 'desc')
    .execute();
}

/** The snapshots of those of `revisionIds` that belong to the article. */
export function revisionSnapshots(db: Db, articleId: number, revisionIds: number[]) {
  return db.selectFrom('article_revisions').select(['id', 'snapshot']).where('article_id', '=', articleId).where('id', 'in', revisionIds).execute();
}
