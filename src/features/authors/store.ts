/** Reads and writes of author profiles for the back office; the images table is only read here (photos). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../storage/schema.js';

type Db = Kysely<Database>;

export interface AuthorRow {
  id: number;
  slug: string;
  name: string;
  translations: string;
  bio: string;
  roleTitle: string;
  photoImageId: number | null;
}

export interface AuthorListItem extends AuthorRow {
  articleCount: number;
  photoFile: string | null;
}

export interface ImageChoice {
  id: number;
  file: string;
  alt: string;
  caption: string;
  width: number;
  height: number;
  createdAt: string;
}

const toAuthor = (r: Selectable<Database['authors']>): AuthorRow => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  translations: r.translations,
  bio: r.bio,
  roleTitle: r.role_title,
  photoImageId: r.photo_image_id,
});

/** Every profile by name, with how many articles of any status carry the byline. */
export async function listAuthors(db: Db): Promise<AuthorListItem[]> {
  const rows = await db
    .selectFrom('authors')
    .leftJoin('images', 'images.id', 'authors.photo_image_id')
    .selectAll('authors')
    .select('images.file as photo_file')
    .select((eb) =>
      eb
        .selectFrom('article_authors')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('article_authors.author_id', '=', 'authors.id')
        .as('article_count'),
    )
    .orderBy('authors.name')
    .orderBy('authors.id')
    .execute();
  return rows.map((r) => ({ ...toAuthor(r), articleCount: Number(r.article_count ?? 0), photoFile: r.photo_file ?? null }));
}

export async function getAuthor(db: Db, id: number): Promise<AuthorRow | null> {
  const row = await db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAuthor(row) : null;
}

export async function authorBySlug(db: Db, slug: string): Promise<AuthorRow | null> {
  const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toAuthor(row) : null;
}

export async function insertAuthor(db: Db, a: Omit<AuthorRow, 'id'>): Promise<number> {
  const row = await db
    .insertInto('authors')
    .values({ slug: a.slug, name: a.name, translations: a.translations, bio: a.bio, role_title: a.roleTitle, photo_image_id: a.photoImageId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAuthor(db: Db, id: number, a: Omit<AuthorRow, 'id'>): Promise<void> {
  await db
    .updateTable('authors')
    .set({ slug: a.slug, name: a.name, translations: a.translations, bio: a.bio, role_title: a.roleTitle, photo_image_id: a.photoImageId })
    .where('id', '=', id)
    .execute();
}

/** The current slug of the author whose page used to live at `oldSlug`, or null. */
export async function currentAuthorSlug(db: Db, oldSlug: string): Promise<string | null> {
  const row = await db
    .selectFrom('author_slugs')
    .innerJoin('authors', 'authors.id', 'author_slugs.author_id')
    .select('authors.slug')
    .where('author_slugs.slug', '=', oldSlug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/** Keeps `slug` as an old address of author `authorId` (taking it over from whoever held it as an old address). */
export async function keepOldAuthorSlug(db: Db, slug: string, authorId: number): Promise<void> {
  await db.deleteFrom('author_slugs').where('slug', '=', slug).execute();
  await db.insertInto('author_slugs').values({ slug, author_id: authorId }).execute();
}

/** An address in use again as a profile's current one is no longer an old address of anyone. */
export async function dropOldAuthorSlug(db: Db, slug: string): Promise<void> {
  await db.deleteFrom('author_slugs').where('slug', '=', slug).execute();
}

export async function imageExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The newest images to choose a photo from, plus the ones given (the current photo, even if older). */
export async function recentImages(db: Db, limit: number, alsoIds: number[] = []): Promise<ImageChoice[]> {
  const pick = ['id', 'file', 'alt', 'caption', 'width', 'height', 'created_at'] as const;
  const [recent, extra] = await Promise.all([
    db.selectFrom('images').select(pick).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    alsoIds.length ? db.selectFrom('images').select(pick).where('id', 'in', alsoIds).execute() : Promise.resolve([]),
  ]);
  const seen = new Set<number>();
  return [...recent, ...extra]
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .map((r) => ({ id: r.id, file: r.file, alt: r.alt, caption: r.caption, width: r.width, height: r.height, createdAt: r.created_at }));
}
