/** The editorial slice's SQL. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';

// ---- What the editor's form offers to choose from (read by the editor's routes) ----

export interface EditorOptionsQuery {
  /** The original the article is a translation of, shown with its headline. */
  linkedId: number | null;
  /** The images the article's body shows, whose files the editor displays. */
  bodyImageIds: number[];
}

/** How many of the newest images the cover picker offers. */
export const COVER_CHOICES = 100;

/**
 * Every author; the rubrics, flags first, then in their order; the newest images; the linked original; and the files
 * of the body's images.
 */
export async function editorOptions(db: Kysely<Database>, { linkedId, bodyImageIds }: EditorOptionsQuery) {
  const [authors, rubrics, images, linked, bodyImages] = await Promise.all([
    db.selectFrom('authors').select(['id', 'name', 'translations']).orderBy('name').execute(),
    db.selectFrom('rubrics').select(['id', 'name', 'translations', 'is_flag']).orderBy('is_flag', 'desc').orderBy('position').execute(),
    db.selectFrom('images').select(['id', 'caption', 'file']).orderBy('id', 'desc').limit(COVER_CHOICES).execute(),
    linkedId === null ? undefined : db.selectFrom('articles').select(['id', 'headline', 'lang']).where('id', '=', linkedId).executeTakeFirst(),
    bodyImageIds.length ? db.selectFrom('images').select(['id', 'file']).where('id', 'in', bodyImageIds).execute() : [],
  ]);
  return { authors, rubrics, images, linked: linked ?? null, bodyImages };
}

export type EditorOptions = Awaited<ReturnType<typeof editorOptions>>;
