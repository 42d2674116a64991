/**
 * Reads and writes of rubrics, tags and their old addresses (rubric_slugs, tag_slugs).
 * This slice owns the old-address tables: the public routes ask it where an old address leads now.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { containsText } from '../../storage/like.js';
import type { Lang } from '../../lib/i18n.js';

type Db = Kysely<Database>;

export interface RubricRow {
  id: number;
  slug: string;
  name: string;
  translations: string;
  isFlag: boolean;
  position: number;
}

export interface RubricListItem extends RubricRow {
  articleCount: number;
  oldSlugs: string[];
}

export interface TagListItem {
  id: number;
  lang: string;
  slug: string;
  name: string;
  articleCount: number;
}

const toRubric = (r: { id: number; slug: string; name: string; translations: string; is_flag: number; position: number }): RubricRow => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  translations: r.translations,
  isFlag: r.is_flag === 1,
  position: r.position,
});

// ---- public: where an old address leads now ----

/** The current slug of the rubric that used to live at `oldSlug`, or null. */
export async function currentRubricSlug(db: Db, oldSlug: string): Promise<string | null> {
  const row = await db
    .selectFrom('rubric_slugs')
    .innerJoin('rubrics', 'rubrics.id', 'rubric_slugs.rubric_id')
    .select('rubrics.slug')
    .where('rubric_slugs.slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/** The current slug of the tag (in `lang`) that used to live at `oldSlug`, or null. */
export async function currentTagSlug(db: Db, lang: Lang, oldSlug: string): Promise<string | null> {
  const row = await db
    .selectFrom('tag_slugs')
    .innerJoin('tags', 'tags.id', 'tag_slugs.tag_id')
    .select('tags.slug')
    .where('tag_slugs.lang', '=', lang)
    .where('tag_slugs.slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

// ---- rubrics ----

/** Rubrics in site order (flags first), with how many articles of any status use each and their old addresses. */
export async function listRubricsForAdmin(db: Db): Promise<RubricListItem[]> {
  const [rows, old] = await Promise.all([
    db
      .selectFrom('rubrics')
      .select(['id', 'slug', 'name', 'translations', 'is_flag', 'position'])
      .select((eb) =>
        eb
          .selectFrom('article_rubrics')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('article_rubrics.rubric_id', '=', 'rubrics.id')
          .as('article_count'),
      )
      .orderBy('is_flag', 'desc')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db.selectFrom('rubric_slugs').select(['slug', 'rubric_id']).orderBy('slug').execute(),
  ]);
  return rows.map((r) => ({
    ...toRubric(r),
    articleCount: Number(r.article_count ?? 0),
    oldSlugs: old.filter((o) => o.rubric_id === r.id).map((o) => o.slug),
  }));
}

export async function getRubric(db: Db, id: number): Promise<RubricRow | null> {
  const row = await db.selectFrom('rubrics').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRubric(row) : null;
}

/** Who holds a rubric address: a live rubric, or an old address kept for one. */
export async function rubricSlugHolder(db: Db, slug: string): Promise<{ live: RubricRow } | { oldOf: number } | null> {
  const live = await db.selectFrom('rubrics').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (live) return { live: toRubric(live) };
  const old = await db.selectFrom('rubric_slugs').select('rubric_id').where('slug', '=', slug).executeTakeFirst();
  return old ? { oldOf: old.rubric_id } : null;
}

export async function nextRubricPosition(db: Db): Promise<number> {
  const row = await db.selectFrom('rubrics').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const max = row?.p;
  return max === null || max === undefined ? 0 : Number(max) + 1;
}

export async function insertRubric(db: Db, r: Omit<RubricRow, 'id'>): Promise<number> {
  const row = await db
    .insertInto('rubrics')
    .values({ slug: r.slug, name: r.name, translations: r.translations, is_flag: r.isFlag ? 1 : 0, position: r.position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRubric(db: Db, id: number, patch: { slug: string; name: string; translations: string }): Promise<void> {
  await db.updateTable('rubrics').set(patch).where('id', '=', id).execute();
}

export async function deleteRubricRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('rubrics').where('id', '=', id).execute();
}

export async function setRubricPositions(db: Db, orderedIds: number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('rubrics').set({ position }).where('id', '=', id).execute();
  }
}

export async function countRubricArticles(db: Db, id: number): Promise<number> {
  const row = await db.selectFrom('article_rubrics').select((eb) => eb.fn.countAll<number>().as('n')).where('rubric_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Keeps `slug` as an old address of rubric `rubricId` (taking it over from whoever held it as an old address). */
export async function keepOldRubricSlug(db: Db, slug: string, rubricId: number): Promise<void> {
  await db.deleteFrom('rubric_slugs').where('slug', '=', slug).execute();
  await db.insertInto('rubric_slugs').values({ slug, rubric_id: rubricId }).execute();
}

export async function dropOldRubricSlug(db: Db, slug: string): Promise<void> {
  await db.deleteFrom('rubric_slugs').where('slug', '=', slug).execute();
}

// ---- tags ----

export interface TagQuery {
  /** Part of the name, or of the address (Cyrillic is transliterated, so "порт" finds port-aktau). */
  q?: string;
  lang?: Lang;
  limit: number;
  offset: number;
}

function tagFilter(db: Db, query: Pick<TagQuery, 'q' | 'lang'>, slugPart: string | null) {
  let q = db.selectFrom('tags');
  if (query.lang) q = q.where('tags.lang', '=', query.lang);
  const text = query.q?.trim();
  if (text) {
    q = q.where((eb) => eb.or([containsText(eb.ref('tags.name'), text), ...(slugPart ? [containsText(eb.ref('tags.slug'), slugPart)] : [])]));
  }
  return q;
}

/** A page of tags matching a query, by name, with how many articles carry each. */
export async function searchTags(db: Db, query: TagQuery, slugPart: string | null): Promise<{ tags: TagListItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    tagFilter(db, query, slugPart)
      .select(['tags.id', 'tags.lang', 'tags.slug', 'tags.name'])
      .select((eb) =>
        eb
          .selectFrom('article_tags')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('article_tags.tag_id', '=', 'tags.id')
          .as('article_count'),
      )
      .orderBy('tags.name')
      .orderBy('tags.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    tagFilter(db, query, slugPart)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    tags: rows.map((r) => ({ id: r.id, lang: r.lang, slug: r.slug, name: r.name, articleCount: Number(r.article_count ?? 0) })),
    total: Number(count.n),
  };
}

export async function getTag(db: Db, id: number) {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTagBySlug(db: Db, lang: string, slug: string) {
  return db.selectFrom('tags').selectAll().where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

export async function updateTag(db: Db, id: number, patch: { slug: string; name: string }): Promise<void> {
  await db.updateTable('tags').set(patch).where('id', '=', id).execute();
}

/** Keeps `slug` (in `lang`) as an old address of tag `tagId`, taking it over from any other old owner. */
export async function keepOldTagSlug(db: Db, lang: string, slug: string, tagId: number): Promise<void> {
  await db.deleteFrom('tag_slugs').where('lang', '=', lang).where('slug', '=', slug).execute();
  await db.insertInto('tag_slugs').values({ lang, slug, tag_id: tagId }).execute();
}

export async function dropOldTagSlug(db: Db, lang: string, slug: string): Promise<void> {
  await db.deleteFrom('tag_slugs').where('lang', '=', lang).where('slug', '=', slug).execute();
}

/**
 * Moves everything of tag `fromId` to `intoId`: its articles (without duplicate rows) and its old
 * addresses; then keeps its own address as an old address of `intoId` and deletes it.
 */
export async function mergeTagRows(db: Db, from: { id: number; lang: string; slug: string }, intoId: number): Promise<void> {
  await db
    .insertInto('article_tags')
    .columns(['article_id', 'tag_id'])
    .expression((eb) =>
      eb
        .selectFrom('article_tags')
        .select(['article_tags.article_id', sql<number>`cast(${intoId} as integer)`.as('tag_id')])
        .where('article_tags.tag_id', '=', from.id)
        .where('article_tags.article_id', 'not in', (s) => s.selectFrom('article_tags as t2').select('t2.article_id').where('t2.tag_id', '=', intoId)),
    )
    .execute();
  await db.deleteFrom('article_tags').where('tag_id', '=', from.id).execute();
  await db.updateTable('tag_slugs').set({ tag_id: intoId }).where('tag_id', '=', from.id).execute();
  await keepOldTagSlug(db, from.lang, from.slug, intoId);
  await db.deleteFrom('tags').where('id', '=', from.id).execute();
}
