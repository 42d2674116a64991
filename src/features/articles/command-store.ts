/**
 * What the article commands (service.ts, working-copy.ts) read and write: rows, relations, revisions, the working
 * copy, the schedule. Every function takes the database or the command's transaction. The reads of published
 * articles that pages show are in store.ts.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import type { Lang } from '../../lib/i18n.js';
import { slugify } from '../../lib/slug.js';
import { srcsetOf } from '../media/rules.js';
import type { BodyDoc, BodyImage } from './body.js';
import type { ArticleInput, ValidArticleInput } from './rules.js';
import type { ArticleSnapshot } from './revisions.js';
import { imageUrl } from './store.js';

type Db = Kysely<Database>;

/** The columns of an images row that an article body needs. */
export const BODY_IMAGE_COLUMNS = ['id', 'file', 'width', 'height', 'variants', 'caption', 'credit', 'alt'] as const;

/** An images row as the body renderer uses it: its srcset, and the caption, credit and alt text a figure falls back on. */
export function toBodyImage(r: { id: number; file: string; width: number; height: number; variants: string; caption: string; credit: string; alt: string }): BodyImage {
  const srcset = srcsetOf(r.variants);
  return { id: r.id, url: imageUrl(r.file), width: r.width, height: r.height, caption: r.caption, credit: r.credit, alt: r.alt, ...(srcset ? { srcset } : {}) };
}

export type ArticleRow = Selectable<Database['articles']>;

export function articleRow(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * An article's row, locked until the caller's transaction ends, so that what a save decides on (the policy among
 * it) cannot change under it. Writing nothing takes the lock on both engines: PostgreSQL locks the row, so a change
 * made meanwhile waits for the save and one committed first is what the save reads; SQLite's IMMEDIATE transaction
 * holds the database's write lock already.
 */
export function lockArticleRow(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db
    .updateTable('articles')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** An article as editor input: its row with its bylines, rubrics, tags and the original it translates. */
export async function articleInput(db: Db, row: ArticleRow): Promise<ArticleInput & { lang: Lang }> {
  const id = row.id;
  const [authors, rubrics, tags, original] = await Promise.all([
    db.selectFrom('article_authors').select(['author_id', 'role_title']).where('article_id', '=', id).orderBy('position').execute(),
    db.selectFrom('article_rubrics').select('rubric_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.name').where('article_id', '=', id).orderBy('tags.name').execute(),
    row.translation_group === null
      ? Promise.resolve(undefined)
      : db.selectFrom('articles').select('id').where('translation_group', '=', row.translation_group).where('id', '!=', id).orderBy('id').executeTakeFirst(),
  ]);
  return {
    lang: row.lang as Lang,
    slug: row.slug,
    headline: row.headline,
    lead: row.lead,
    body: JSON.parse(row.body_json) as BodyDoc,
    authors: authors.map((a) => ({ authorId: a.author_id, role: a.role_title ?? undefined })),
    rubricIds: rubrics.map((r) => r.rubric_id),
    tags: tags.map((t) => t.name),
    city: row.dateline_city,
    coverImageId: row.cover_image_id,
    translationOf: original?.id ?? null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
  };
}

/** The images of `ids`, as the body renderer uses them. */
export async function bodyImages(db: Db, ids: number[]): Promise<Map<number, BodyImage>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('images').select(BODY_IMAGE_COLUMNS).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toBodyImage(r)]));
}

/** Those of `ids` that have no row in `table`. */
export async function missingIds(db: Db, table: 'rubrics' | 'authors' | 'images', ids: number[]): Promise<number[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
  return wanted.filter((id) => !found.has(id));
}

/** The article whose address `slug` is in `lang`, now or as an old address; undefined when it is free. */
export async function slugHolder(db: Db, lang: Lang, slug: string): Promise<number | undefined> {
  return (
    (await db.selectFrom('articles').select('id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst())?.id ??
    (await db.selectFrom('article_slugs').select('article_id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst())?.article_id
  );
}

/** What linking a translation needs of its original: its group, and what decides who may see it. */
export function translationOriginal(db: Db, id: number) {
  return db.selectFrom('articles').select(['id', 'translation_group', 'status', 'created_by']).where('id', '=', id).executeTakeFirst();
}

export async function setTranslationGroup(db: Db, id: number, group: number): Promise<void> {
  await db.updateTable('articles').set({ translation_group: group }).where('id', '=', id).execute();
}

export async function insertArticle(db: Db, values: Insertable<Database['articles']>): Promise<number> {
  return (await db.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateArticle(db: Db, id: number, changes: Updateable<Database['articles']>): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

/** Records that an article moved from address `from` to `to`: the old address keeps leading to it. */
export async function recordSlugMove(db: Db, lang: Lang, id: number, from: string, to: string): Promise<void> {
  await db.deleteFrom('article_slugs').where('lang', '=', lang).where('slug', '=', to).execute();
  await db.insertInto('article_slugs').values({ lang, slug: from, article_id: id }).execute();
}

/** The ids of tags named `names` in `lang`: a tag's old name (after a rename or merge) means the tag it became; an unknown name becomes a new tag. */
async function tagIdsFor(db: Db, lang: Lang, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const existing =
      (await db.selectFrom('tags').select('id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst()) ??
      (await db.selectFrom('tag_slugs').select('tag_id as id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst());
    ids.push(existing?.id ?? (await db.insertInto('tags').values({ lang, slug, name: name.trim() }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return [...new Set(ids)];
}

/** Replaces an article's bylines (in order, each author once), rubrics and tags. */
export async function replaceRelations(db: Db, id: number, lang: Lang, a: Pick<ValidArticleInput, 'authors' | 'rubricIds' | 'tags'>): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
  await db.deleteFrom('article_rubrics').where('article_id', '=', id).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  const authors = [...new Map(a.authors.map((au) => [au.authorId, au])).values()];
  if (authors.length) {
    await db.insertInto('article_authors').values(authors.map((au, position) => ({ article_id: id, author_id: au.authorId, role_title: au.role || null, position }))).execute();
  }
  if (a.rubricIds.length) {
    await db.insertInto('article_rubrics').values([...new Set(a.rubricIds)].map((rubric_id) => ({ article_id: id, rubric_id }))).execute();
  }
  const tagIds = await tagIdsFor(db, lang, a.tags);
  if (tagIds.length) await db.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: id, tag_id }))).execute();
}

/** Records a revision; a pending one belongs to a working copy that has not gone live. Returns its id. */
export async function insertRevision(db: Db, r: { articleId: number; by: number | null; at: string; snapshot: ArticleSnapshot; pending?: boolean }): Promise<number> {
  const row = await db
    .insertInto('article_revisions')
    .values({ article_id: r.articleId, user_id: r.by, created_at: r.at, snapshot: JSON.stringify(r.snapshot), ...(r.pending ? { pending: 1 } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revisionSnapshot(db: Db, articleId: number, revisionId: number): Promise<ArticleSnapshot | undefined> {
  const row = await db.selectFrom('article_revisions').select('snapshot').where('id', '=', revisionId).where('article_id', '=', articleId).executeTakeFirst();
  return row ? (JSON.parse(row.snapshot) as ArticleSnapshot) : undefined;
}

/** Every flag rubric (Story of the day). */
export async function flagRubricIds(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('rubrics').select('id').where('is_flag', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

/** The flag rubrics (Story of the day) an article carries. */
export async function flagRubricIdsOf(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_rubrics')
    .innerJoin('rubrics', 'rubrics.id', 'article_rubrics.rubric_id')
    .select('rubrics.id')
    .where('article_rubrics.article_id', '=', articleId)
    .where('rubrics.is_flag', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes the rubrics `rubricIds` off every other live article of `lang` published in [from, to). */
export async function removeRubricsFromOthers(db: Db, o: { articleId: number; lang: string; from: string; to: string; rubricIds: number[] }): Promise<void> {
  const others = await db
    .selectFrom('articles')
    .select('id')
    .where('lang', '=', o.lang)
    .where('id', '!=', o.articleId)
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', '>=', o.from)
    .where('published_at', '<', o.to)
    .execute();
  if (others.length === 0) return;
  await db
    .deleteFrom('article_rubrics')
    .where('article_id', 'in', others.map((r) => r.id))
    .where('rubric_id', 'in', o.rubricIds)
    .execute();
}

/** Changes an article that is in one of the statuses `from`; false when it is not (or does not exist). */
export async function updateArticleIn(db: Db, id: number, from: ArticleStatus[], changes: Updateable<Database['articles']>): Promise<boolean> {
  const result = await db.updateTable('articles').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Scheduled articles whose time has come, in publication order. */
export async function dueScheduled(db: Db, now: string): Promise<number[]> {
  const rows = await db.selectFrom('articles').select('id').where('status', '=', 'scheduled').where('published_at', '<=', now).orderBy('published_at').execute();
  return rows.map((r) => r.id);
}

/** Publishes a scheduled article whose time has come; true for the one caller whose update made it so. */
export async function publishIfDue(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ status: 'published', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function articleUpdatedAt(db: Db, id: number): Promise<string | null> {
  return (await db.selectFrom('articles').select('updated_at').where('id', '=', id).executeTakeFirst())?.updated_at ?? null;
}

export function workingCopyRow(db: Db, articleId: number) {
  return db.selectFrom('article_working_copies').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

/** Writes a live article's working copy; a new one starts from the revision readers see now. */
export async function saveWorkingCopyRow(db: Db, c: { articleId: number; input: string; revisionId: number; by: number | null; at: string }): Promise<void> {
  const live = await db.selectFrom('article_revisions').select('id').where('article_id', '=', c.articleId).where('pending', '=', 0).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const saved = { input: c.input, revision_id: c.revisionId, user_id: c.by, updated_at: c.at };
  await db
    .insertInto('article_working_copies')
    .values({ article_id: c.articleId, base_revision_id: live?.id ?? null, ...saved })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(saved))
    .execute();
}

/** The revision of a working copy that went live: it is no longer pending. */
export async function markRevisionLive(db: Db, revisionId: number): Promise<void> {
  await db.updateTable('article_revisions').set({ pending: 0 }).where('id', '=', revisionId).execute();
}

export async function deleteWorkingCopy(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('article_working_copies').where('article_id', '=', articleId).execute();
}
