import { sql, type Kysely } from 'kysely';
import type { Db } from '../db.js';
import { withId } from './columns.js';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: AnyDb, caps: Db['caps']): Promise<void> {
  const ts = caps.timestampType === 'timestamptz' ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('images')
    .$call((t) => withId(t, caps))
    .addColumn('file', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('authors')
    .$call((t) => withId(t, caps))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_image_id', 'integer', (c) => c.references('images.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('rubrics')
    .$call((t) => withId(t, caps))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('is_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('tags')
    .$call((t) => withId(t, caps))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_lang_slug', ['lang', 'slug'])
    .execute();

  await db.schema
    .createTable('articles')
    .$call((t) => withId(t, caps))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('translation_group', 'integer')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('cover_image_id', 'integer', (c) => c.references('images.id').onDelete('set null'))
    .addColumn('dateline_city', 'text')
    .addColumn('seo_title', 'text')
    .addColumn('seo_description', 'text')
    .addColumn('published_at', ts)
    .addColumn('revised_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('articles_lang_slug', ['lang', 'slug'])
    .execute();
  await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'lang', 'published_at']).execute();
  await db.schema.createIndex('articles_translation_group').on('articles').column('translation_group').execute();

  await db.schema
    .createTable('article_slugs')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_slugs_pk', ['lang', 'slug'])
    .execute();

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('role_title', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema.createIndex('article_authors_author').on('article_authors').column('author_id').execute();

  await db.schema
    .createTable('article_rubrics')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubrics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_rubrics_pk', ['article_id', 'rubric_id'])
    .execute();
  await db.schema.createIndex('article_rubrics_rubric').on('article_rubrics').column('rubric_id').execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag').on('article_tags').column('tag_id').execute();

  await db.schema
    .createTable('article_daily_views')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_daily_views_pk', ['article_id', 'day'])
    .execute();
}
