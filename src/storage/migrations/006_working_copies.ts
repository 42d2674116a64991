import { sql, type Kysely } from 'kysely';
import type { Db } from '../db.js';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The working copy of a live article: edits saved while an article is published or scheduled wait here,
 * unseen by readers, until someone publishes or discards them. A revision saved into a working copy is
 * marked pending until it goes live.
 */
export async function up(db: AnyDb, caps: Db['caps']): Promise<void> {
  const ts = caps.timestampType === 'timestamptz' ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('article_working_copies')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('base_revision_id', 'integer', (c) => c.references('article_revisions.id').onDelete('set null'))
    .addColumn('revision_id', 'integer', (c) => c.references('article_revisions.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.alterTable('article_revisions').addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
