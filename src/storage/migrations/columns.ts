import type { CreateTableBuilder } from 'kysely';
import type { Db } from '../db.js';

/** An integer primary key that the database assigns: identity on PostgreSQL, autoincrement on SQLite. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, caps: Db['caps']) {
  return caps.identity === 'identity'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
