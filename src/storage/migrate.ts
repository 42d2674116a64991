/**
 * Runs the portable migrations with Kysely's Migrator, recording each in `dateline_migrations`. The Migrator
 * runs them in one transaction under a lock (PostgreSQL: an advisory lock; SQLite: the IMMEDIATE transaction
 * itself), so nodes starting at once on one database take turns, and the later ones find the work done.
 */
import { Migrator, sql, type Kysely, type Migration as KyselyMigration } from 'kysely';
import type { Db } from './db.js';
import * as m001 from './migrations/001_initial.js';
import * as m002 from './migrations/002_back_office.js';
import * as m003 from './migrations/003_totp_replay.js';
import * as m004 from './migrations/004_author_slugs.js';
import * as m005 from './migrations/005_code_failures.js';
import * as m006 from './migrations/006_working_copies.js';

interface Migration {
  up(db: Db['kysely'], caps: Db['caps']): Promise<void>;
}

export const MIGRATIONS: ReadonlyArray<[string, Migration]> = [
  ['001_initial', m001],
  ['002_back_office', m002],
  ['003_totp_replay', m003],
  ['004_author_slugs', m004],
  ['005_code_failures', m005],
  ['006_working_copies', m006],
];

const MIGRATION_TABLE = 'dateline_migrations';
const LOCK_TABLE = 'dateline_migration_lock';
/** Taken while a node adopts the earlier migrator's table, so that two nodes do not both rename its column. */
const ADOPTION_LOCK_ID = 748_201_733;

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Applies the migrations not yet applied; returns their names. */
export async function migrate(db: Db): Promise<string[]> {
  // PostgreSQL: the bookkeeping lives in the schema in use (the Migrator would otherwise look in every schema).
  const schema = db.dialect === 'postgres' ? await currentSchema(db) : undefined;
  await adoptEarlierBookkeeping(db, schema);
  const migrations = Object.fromEntries(
    MIGRATIONS.map(([name, migration]): [string, KyselyMigration] => [name, { up: (k: AnyDb) => migration.up(k, db.caps) }]),
  );
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: LOCK_TABLE,
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`The migration failed: ${String(error)}`);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  return rows[0]!.schema;
}

/**
 * The hand-written migrator that came before kept the same table with an `applied_at` column; the Migrator
 * reads `timestamp` (the same ISO-8601 text). Renaming it keeps every database migrated so far as it is.
 */
async function adoptEarlierBookkeeping(db: Db, schema: string | undefined): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ADOPTION_LOCK_ID})`.execute(trx);
    if (await hasColumn(trx, schema, MIGRATION_TABLE, 'applied_at')) {
      await sql`alter table ${sql.table(MIGRATION_TABLE)} rename column applied_at to ${sql.ref('timestamp')}`.execute(trx);
    }
  });
}

async function hasColumn(trx: AnyDb, schema: string | undefined, table: string, column: string): Promise<boolean> {
  const tables = await trx.introspection.getTables({ withInternalKyselyTables: true });
  const found = tables.find((t) => t.name === table && t.schema === schema);
  return found?.columns.some((c) => c.name === column) ?? false;
}
