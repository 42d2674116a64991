/** createDb(config): SQLite (better-sqlite3, WAL) or PostgreSQL (pg) behind one Kysely interface. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Config } from '../config/index.js';
import type { Database } from './schema.js';
import type { Notifier } from '../lib/event-relay.js';
import { createPgNotifier } from './pg-notifier.js';
import { CurrentSchemaPostgresDialect } from './pg-introspector.js';
import { createSqliteNotifier } from './sqlite-notifier.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Capability flags: the only place dialect differences are allowed to show. */
  caps: { returning: true; timestampType: 'text' | 'timestamptz'; identity: 'autoincrement' | 'identity'; skipLocked: boolean };
  /** How processes sharing this database hear of each other's changes (LISTEN/NOTIFY, or SQLite's data_version). */
  notifier: Notifier;
  close(): Promise<void>;
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

export interface PostgresOptions {
  url: string;
  /** Schema to use as search_path (tests isolate each run in its own schema). */
  schema?: string;
  max?: number;
  /** Told when an idle connection breaks (the server restarted, the network dropped); the pool opens a new one. */
  onConnectionError?: (error: Error) => void;
}

/** How long a query waits for a connection before it fails (and the page answers 503) instead of hanging. */
const CONNECT_TIMEOUT_MS = 5000;

/** PostgreSQL over pg; the driver is loaded only when PostgreSQL is used. */
export async function createPostgresDb(options: PostgresOptions): Promise<Db> {
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMPTZ_OID) return (v: string) => new Date(v).toISOString();
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Without a listener, an idle connection that breaks would throw an unhandled 'error' and end the process.
  pool.on('error', (error) => options.onConnectionError?.(error));
  const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  const notifier = createPgNotifier({
    pool,
    // Databases under test share one cluster, each in its own schema; so do their channels.
    channel: options.schema ? `dateline_events_${options.schema}` : 'dateline_events',
    connect: async () => {
      const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      await client.connect();
      return client;
    },
  });
  return {
    kysely,
    dialect: 'postgres',
    caps: { returning: true, timestampType: 'timestamptz', identity: 'identity', skipLocked: true },
    notifier,
    close: () => kysely.destroy(),
  };
}

/** How soon a server notices a change that the CLI made to its SQLite file. */
const SQLITE_POLL_MS = 1000;

/** How long a SQLite statement waits for another connection's lock before it fails with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Switches the file to WAL. While a second process opens a new file at the same moment (two nodes starting, the
 * CLI beside the server), SQLite can refuse the switch with SQLITE_BUSY at once, without waiting: try again.
 */
function enableWal(sqlite: SQLite.Database): void {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

export function createSqliteDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  enableWal(sqlite);
  // FULL: an acknowledged write survives kill -9 and power loss, at a small cost per commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // SQLite's own lower() knows only ASCII; this one lowers every alphabet, as PostgreSQL's does (storage/like.ts).
  sqlite.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    // SQLite serialises writers, so a claimed job is already exclusive.
    caps: { returning: true, timestampType: 'text', identity: 'autoincrement', skipLocked: false },
    notifier: createSqliteNotifier(sqlite, SQLITE_POLL_MS),
    close: () => kysely.destroy(),
  };
}

export async function createDb(database: Config['database'], options: Pick<PostgresOptions, 'onConnectionError'> = {}): Promise<Db> {
  return database.kind === 'sqlite' ? createSqliteDb(database.file) : createPostgresDb({ url: database.url, ...options });
}
