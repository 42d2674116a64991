/** Bare rows for store tests, written straight to a table: the least a row needs, any column overridable. */
import type { Insertable, Kysely } from 'kysely';
import type { ArticlesTable, Database } from '../../src/storage/schema.js';

const AT = '2024-05-01T10:00:00.000Z';

/** A draft article with an empty body; returns its id. */
export async function insertArticleRow(db: Kysely<Database>, row: Partial<Insertable<ArticlesTable>> & { slug: string }): Promise<number> {
  const inserted = await db
    .insertInto('articles')
    .values({
      status: 'draft',
      lang: 'ru',
      translation_group: null,
      headline: row.slug,
      lead: '',
      body_json: JSON.stringify({ type: 'doc', content: [] }),
      body_html: '',
      cover_image_id: null,
      dateline_city: null,
      seo_title: null,
      seo_description: null,
      published_at: null,
      revised_at: null,
      created_at: AT,
      updated_at: AT,
      view_count: 0,
      created_by: null,
      submitted_at: null,
      ...row,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
