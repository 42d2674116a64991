/**
 * forEachDialect: runs a suite against SQLite and, when DATELINE_TEST_PG_URL is set, PostgreSQL.
 * Each test database is fresh: an in-memory SQLite database (or the file given), or a new PostgreSQL schema dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createPostgresDb, createSqliteDb, type Db, type Dialect } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';

export const PG_URL = process.env.DATELINE_TEST_PG_URL;

export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends Db {
  /** The PostgreSQL schema of this test database, for opening a second node on it; null on SQLite. */
  schema: string | null;
  dispose(): Promise<void>;
}

/** Options: a SQLite file instead of memory; `migrated: false` for a database without any table yet. */
export async function createTestDb(dialect: Dialect, options: { sqliteFile?: string; migrated?: boolean } = {}): Promise<TestDb> {
  const migrated = options.migrated ?? true;
  if (dialect === 'sqlite') {
    const db = createSqliteDb(options.sqliteFile ?? ':memory:');
    if (migrated) await migrate(db);
    return { ...db, schema: null, dispose: () => db.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await createPostgresDb({ url: PG_URL!, schema, max: 4 });
  if (migrated) await migrate(db);
  return {
    ...db,
    schema,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export function forEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => fn(dialect));
}
