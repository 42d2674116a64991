/**
 * The articles slice's reads of published articles and the references they carry (authors, rubrics, tags, images),
 * for the pages, the calendar and the events. What the commands read and write is in command-store.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { ArticleFootprint } from '../../lib/events.js';
import type { Lang } from '../../lib/i18n.js';
import { localized } from '../../lib/localized.js';
import { srcsetOf } from '../media/rules.js';

export interface ImageRef {
  id: number;
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Responsive WebP variants ("/media/…-320.webp 320w, …") when the image came through the media library. */
  srcset?: string;
}
export interface RubricRef {
  id: number;
  slug: string;
  name: string;
  isFlag: boolean;
}
export interface TagRef {
  id: number;
  slug: string;
  name: string;
}
export interface AuthorRef {
  id: number;
  slug: string;
  name: string;
  role: string;
}
export interface ArticleSummary {
  id: number;
  lang: Lang;
  slug: string;
  headline: string;
  lead: string;
  publishedAt: string;
  viewCount: number;
  cover: ImageRef | null;
  rubrics: RubricRef[];
}
export interface ArticleFull extends ArticleSummary {
  status: string;
  bodyHtml: string;
  city: string | null;
  revisedAt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  translationGroup: number | null;
  authors: AuthorRef[];
  tags: TagRef[];
}

export interface ListFilter {
  lang: Lang;
  rubricId?: number;
  tagId?: number;
  authorId?: number;
  from?: string;
  to?: string;
  excludeIds?: number[];
}

export const imageUrl = (file: string) => `/media/${file}`;

type Db = Kysely<Database>;

function filtered(db: Db, f: ListFilter) {
  let q = db.selectFrom('articles').where('articles.status', '=', 'published').where('articles.lang', '=', f.lang);
  if (f.rubricId !== undefined) {
    const rubricId = f.rubricId;
    q = q.where('articles.id', 'in', (s) => s.selectFrom('article_rubrics').select('article_id').where('rubric_id', '=', rubricId));
  }
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where('articles.id', 'in', (s) => s.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId));
  }
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where('articles.id', 'in', (s) => s.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
  }
  if (f.from !== undefined) q = q.where('articles.published_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('articles.published_at', '<', f.to);
  if (f.excludeIds?.length) q = q.where('articles.id', 'not in', f.excludeIds);
  return q;
}

const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.lang',
  'articles.slug',
  'articles.headline',
  'articles.lead',
  'articles.published_at',
  'articles.view_count',
  'articles.cover_image_id',
] as const;

async function loadImages(db: Db, ids: number[]): Promise<Map<number, ImageRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('images').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(
    rows.map((r) => {
      const srcset = srcsetOf(r.variants);
      return [
        r.id,
        { id: r.id, url: imageUrl(r.file), width: r.width, height: r.height, alt: r.alt, caption: r.caption, credit: r.credit, ...(srcset ? { srcset } : {}) },
      ];
    }),
  );
}

async function loadRubrics(db: Db, articleIds: number[], lang: Lang): Promise<Map<number, RubricRef[]>> {
  const out = new Map<number, RubricRef[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_rubrics')
    .innerJoin('rubrics', 'rubrics.id', 'article_rubrics.rubric_id')
    .select(['article_rubrics.article_id', 'rubrics.id', 'rubrics.slug', 'rubrics.name', 'rubrics.translations', 'rubrics.is_flag'])
    .where('article_rubrics.article_id', 'in', articleIds)
    .orderBy('rubrics.is_flag', 'desc')
    .orderBy('rubrics.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, slug: r.slug, name: localized(r.name, r.translations, lang, 'name'), isFlag: r.is_flag === 1 });
    out.set(r.article_id, list);
  }
  return out;
}

type SummaryRow = {
  id: number;
  lang: string;
  slug: string;
  headline: string;
  lead: string;
  published_at: string | null;
  view_count: number;
  cover_image_id: number | null;
};

async function hydrate(db: Db, rows: SummaryRow[], lang: Lang): Promise<ArticleSummary[]> {
  const ids = rows.map((r) => r.id);
  const [images, rubrics] = await Promise.all([
    loadImages(db, rows.flatMap((r) => (r.cover_image_id === null ? [] : [r.cover_image_id]))),
    loadRubrics(db, ids, lang),
  ]);
  return rows.map((r) => ({
    id: r.id,
    lang: r.lang as Lang,
    slug: r.slug,
    headline: r.headline,
    lead: r.lead,
    publishedAt: r.published_at!,
    viewCount: r.view_count,
    cover: r.cover_image_id === null ? null : (images.get(r.cover_image_id) ?? null),
    rubrics: rubrics.get(r.id) ?? [],
  }));
}

export async function listPublished(db: Db, filter: ListFilter, limit: number, offset = 0): Promise<ArticleSummary[]> {
  const rows = await filtered(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return hydrate(db, rows, filter.lang);
}

export async function countPublished(db: Db, filter: ListFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Publication instants of every published article in [from, to), for calendars and archives. */
export async function publishedInstants(db: Db, lang: Lang, from: string, to: string): Promise<string[]> {
  const rows = await filtered(db, { lang, from, to }).select('articles.published_at').execute();
  return rows.map((r) => r.published_at!);
}

export async function latestBefore(db: Db, lang: Lang, before: string): Promise<string | null> {
  const row = await filtered(db, { lang, to: before })
    .select((eb) => eb.fn.max('articles.published_at').as('at'))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

export async function earliestFrom(db: Db, lang: Lang, from: string): Promise<string | null> {
  const row = await filtered(db, { lang, from })
    .select((eb) => eb.fn.min('articles.published_at').as('at'))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** The article at a slug in any status, or the article that slug used to belong to. */
export async function findBySlug(db: Db, lang: Lang, slug: string): Promise<{ id: number; status: string; slug: string } | { movedTo: string } | null> {
  const row = await db.selectFrom('articles').select(['id', 'status', 'slug']).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
  if (row) return row;
  const old = await db
    .selectFrom('article_slugs')
    .innerJoin('articles', 'articles.id', 'article_slugs.article_id')
    .select(['articles.slug', 'articles.status'])
    .where('article_slugs.lang', '=', lang)
    .where('article_slugs.slug', '=', slug)
    .executeTakeFirst();
  return old ? { movedTo: old.slug } : null;
}

export async function getArticle(db: Db, id: number): Promise<ArticleFull | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const lang = row.lang as Lang;
  const [summary] = await hydrate(db, [row], lang);
  const [authors, tags] = await Promise.all([
    db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.id', 'authors.slug', 'authors.name', 'authors.translations', 'authors.role_title', 'article_authors.role_title as article_role'])
      .where('article_authors.article_id', '=', id)
      .orderBy('article_authors.position')
      .execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', '=', id)
      .orderBy('tags.name')
      .execute(),
  ]);
  return {
    ...summary!,
    publishedAt: row.published_at ?? row.created_at,
    status: row.status,
    bodyHtml: row.body_html,
    city: row.dateline_city,
    revisedAt: row.revised_at,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    translationGroup: row.translation_group,
    authors: authors.map((a) => ({
      id: a.id,
      slug: a.slug,
      name: localized(a.name, a.translations, lang, 'name'),
      role: a.article_role || localized(a.role_title, a.translations, lang, 'role_title'),
    })),
    tags,
  };
}

export async function translationsOf(db: Db, group: number, exceptId: number): Promise<Array<{ lang: Lang; slug: string; headline: string }>> {
  const rows = await db
    .selectFrom('articles')
    .select(['lang', 'slug', 'headline'])
    .where('translation_group', '=', group)
    .where('id', '!=', exceptId)
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => ({ ...r, lang: r.lang as Lang }));
}

/** What readers see of an article that its events carry (see lib/events.ts): null unless it is published. */
export async function footprintOf(db: Db, id: number): Promise<ArticleFootprint> {
  const row = await db.selectFrom('articles').select(['status', 'slug', 'published_at', 'translation_group']).where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'published' || !row.published_at) return null;
  const group = row.translation_group;
  const [rubrics, tags, authors, translations] = await Promise.all([
    db.selectFrom('article_rubrics').select('rubric_id as id').where('article_id', '=', id).execute(),
    db.selectFrom('article_tags').select('tag_id as id').where('article_id', '=', id).execute(),
    db.selectFrom('article_authors').select('author_id as id').where('article_id', '=', id).execute(),
    group === null ? Promise.resolve([]) : db.selectFrom('articles').select('id').where('translation_group', '=', group).where('id', '!=', id).execute(),
  ]);
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
  return { slug: row.slug, publishedAt: row.published_at, rubricIds: ids(rubrics), tagIds: ids(tags), authorIds: ids(authors), translationIds: ids(translations) };
}

/** The neighbours of an article in publication order, within its language. */
export async function neighbours(db: Db, a: { id: number; lang: Lang; publishedAt: string }) {
  const base = () => db.selectFrom('articles').select(['id', 'slug', 'headline', 'lang', 'published_at']).where('status', '=', 'published').where('lang', '=', a.lang);
  const [previous, next] = await Promise.all([
    base()
      .where((eb) => eb.or([eb('published_at', '<', a.publishedAt), eb.and([eb('published_at', '=', a.publishedAt), eb('id', '<', a.id)])]))
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    base()
      .where((eb) => eb.or([eb('published_at', '>', a.publishedAt), eb.and([eb('published_at', '=', a.publishedAt), eb('id', '>', a.id)])]))
      .orderBy('published_at', 'asc')
      .orderBy('id', 'asc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const neighbour = (r: typeof previous) => (r ? { id: r.id, slug: r.slug, headline: r.headline, lang: r.lang, publishedAt: r.published_at! } : null);
  return { previous: neighbour(previous), next: neighbour(next) };
}

export async function findRubric(db: Db, slug: string) {
  return db.selectFrom('rubrics').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listRubrics(db: Db, lang: Lang): Promise<RubricRef[]> {
  const rows = await db.selectFrom('rubrics').selectAll().orderBy('is_flag', 'desc').orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: localized(r.name, r.translations, lang, 'name'), isFlag: r.is_flag === 1 }));
}

export async function findTag(db: Db, lang: Lang, slug: string) {
  return db.selectFrom('tags').selectAll().where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

export async function findAuthor(db: Db, slug: string) {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** One image by id (an author's photo, for example), or null. */
export async function findImage(db: Db, id: number): Promise<ImageRef | null> {
  return (await loadImages(db, [id])).get(id) ?? null;
}

export async function viewCountOf(db: Db, id: number): Promise<number | null> {
  const row = await db.selectFrom('articles').select('view_count').where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row ? row.view_count : null;
}
