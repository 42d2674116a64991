/**
 * Nodes starting at once on one fresh database take turns to migrate it: both succeed, each migration runs once.
 * A database that the earlier, hand-written migrator kept up to date is taken over as it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createTestDb, forEachDialect, PG_URL, type TestDb } from '../../test/helpers/db.js';
import { createPostgresDb, createSqliteDb, type Db } from './db.js';
import { MIGRATIONS, migrate } from './migrate.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const NAMES = MIGRATIONS.map(([name]) => name);

async function recorded(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from dateline_migrations order by name`.execute(db.kysely);
  return rows.rows.map((r) => r.name);
}

/** A node: a process of its own that, at the given instant, opens the SQLite file and migrates it. */
const NODE = `
const [file, at] = process.argv.slice(1);
const { createSqliteDb } = await import(${JSON.stringify(path.join(root, 'dist/storage/db.js'))});
const { migrate } = await import(${JSON.stringify(path.join(root, 'dist/storage/migrate.js'))});
while (Date.now() < Number(at));
const db = createSqliteDb(file);
process.stdout.write(JSON.stringify(await migrate(db)));
await db.close();
`;

describe('two processes migrating one fresh SQLite file at once', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('both succeed, and each migration runs once', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-migrate-'));
    for (let round = 0; round < 3; round++) {
      const file = path.join(dir, `${round}.sqlite`);
      const at = String(Date.now() + 1500);
      const nodes = await Promise.all([0, 1].map(() => run(process.execPath, ['--input-type=module', '-e', NODE, file, at], { cwd: root })));
      expect(nodes.flatMap((n) => JSON.parse(n.stdout) as string[]).sort()).toEqual(NAMES);
      const db = createSqliteDb(file);
      expect(await recorded(db)).toEqual(NAMES);
      await db.close();
    }
  }, 60_000);
});

describe.skipIf(!PG_URL)('two nodes migrating one fresh PostgreSQL schema at once', () => {
  let db: TestDb;
  let second: Db;
  afterEach(async () => {
    await second.close();
    await db.dispose();
  });

  it('both succeed, and each migration runs once', async () => {
    db = await createTestDb('postgres', { migrated: false });
    second = await createPostgresDb({ url: PG_URL!, schema: db.schema!, max: 2 });
    const applied = await Promise.all([migrate(db), migrate(second)]);
    expect(applied.flat().sort()).toEqual(NAMES);
    expect(await recorded(db)).toEqual(NAMES);
  });
});

describe.skipIf(!PG_URL)('migrating one schema while other schemas of the cluster are dropped', () => {
  it('looks only at its own schema, so tables vanishing elsewhere do not stop it', async () => {
    for (let round = 0; round < 3; round++) {
      const others = await Promise.all(Array.from({ length: 3 }, () => createTestDb('postgres')));
      const fresh = await Promise.all(Array.from({ length: 3 }, () => createTestDb('postgres', { migrated: false })));
      const results = await Promise.allSettled([...fresh.map((db) => migrate(db)), ...others.map((db) => db.dispose())]);
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const tables = await fresh[0]!.kysely.introspection.getTables();
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([fresh[0]!.schema]));
      await Promise.all(fresh.map((db) => db.dispose()));
    }
  });
});

forEachDialect('a database kept by the earlier migrator', (dialect) => {
  let db: TestDb;
  afterEach(() => db.dispose());

  /** What the hand-written migrator left: its own table, with `applied_at`, and all but the newest migration. */
  async function migrateTheOldWay(): Promise<void> {
    await sql`create table dateline_migrations (name text primary key, applied_at text not null)`.execute(db.kysely);
    for (const [name, migration] of MIGRATIONS.slice(0, -1)) {
      await migration.up(db.kysely, db.caps);
      await sql`insert into dateline_migrations (name, applied_at) values (${name}, ${new Date().toISOString()})`.execute(db.kysely);
    }
  }

  it('is taken over: only the missing migration runs, and the next start finds nothing to do', async () => {
    db = await createTestDb(dialect, { migrated: false });
    await migrateTheOldWay();
    expect(await migrate(db)).toEqual(NAMES.slice(-1));
    expect(await recorded(db)).toEqual(NAMES);
    expect(await migrate(db)).toEqual([]);
  });
});
