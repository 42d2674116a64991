/** Runs the portable migrations in order, recording each in `dateline_migrations`. */
import { sql } from 'kysely';
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

export async function migrate(db: Db): Promise<string[]> {
  await sql`create table if not exists dateline_migrations (name text primary key, applied_at text not null)`.execute(
    db.kysely,
  );
  const rows = await sql<{ name: string }>`select name from dateline_migrations`.execute(db.kysely);
  const done = new Set(rows.rows.map((r) => r.name));
  const applied: string[] = [];
  for (const [name, migration] of MIGRATIONS) {
    if (done.has(name)) continue;
    await db.kysely.transaction().execute(async (trx) => {
      await migration.up(trx, db.caps);
      await sql`insert into dateline_migrations (name, applied_at) values (${name}, ${new Date().toISOString()})`.execute(trx);
    });
    applied.push(name);
  }
  return applied;
}
