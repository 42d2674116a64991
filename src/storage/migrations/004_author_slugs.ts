import type { Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Old addresses of author pages, so a renamed profile keeps answering at its old address with a 301. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('author_slugs')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .execute();
}
