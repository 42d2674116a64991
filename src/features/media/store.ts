/** Reads and writes of the media library (images); articles and authors are only read here, to find where an image is used. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ImagesTable } from '../../storage/schema.js';
import { containsText } from '../../storage/like.js';
import type { ImageText } from './rules.js';

type Db = Kysely<Database> | Transaction<Database>;

export function imageById(db: Db, id: number) {
  return db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countImages(db: Db): Promise<number> {
  const row = await db.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of images, newest first. */
export function imagesNewestFirst(db: Db, limit: number, offset: number) {
  return db.selectFrom('images').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** The newest images whose caption, credit or alt text contains every one of `words` (any case). */
export function searchImages(db: Db, words: string[], limit: number) {
  let query = db.selectFrom('images').selectAll();
  for (const word of words) {
    query = query.where((eb) => eb.or((['caption', 'credit', 'alt'] as const).map((column) => containsText(eb.ref(column), word))));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function insertImage(db: Db, image: Insertable<ImagesTable>) {
  return db.insertInto('images').values(image).returningAll().executeTakeFirstOrThrow();
}

/** The image with its new text, or undefined when there is no such image. */
export function updateImageText(db: Db, id: number, text: Partial<ImageText>) {
  return db.updateTable('images').set(text).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteImage(db: Db, id: number): Promise<void> {
  await db.deleteFrom('images').where('id', '=', id).execute();
}

/** Articles of any status with the image as their cover. */
export function articlesWithCover(db: Db, imageId: number) {
  return db.selectFrom('articles').select(['id', 'headline']).where('cover_image_id', '=', imageId).orderBy('id').execute();
}

export function authorsWithPhoto(db: Db, imageId: number) {
  return db.selectFrom('authors').select(['id', 'name']).where('photo_image_id', '=', imageId).orderBy('id').execute();
}

/**
 * Articles whose body may show the image: a cheap LIKE that narrows the search (it also matches 12 when looking
 * for 1); parsing each body decides.
 */
export function articlesMaybeShowingImage(db: Db, imageId: number) {
  return db
    .selectFrom('articles')
    .select(['id', 'headline', 'body_json'])
    .where((eb) => eb.or([eb('body_json', 'like', `%"imageId":${imageId}%`), eb('body_json', 'like', `%"imageId": ${imageId}%`)]))
    .orderBy('id')
    .execute();
}
