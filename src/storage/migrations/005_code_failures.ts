import type { Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Wrong second-factor codes are counted per account, apart from wrong passwords, so a right password cannot clear them. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('failed_codes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
