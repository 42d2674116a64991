/**
 * Kysely's SQLite dialect with two changes. Every transaction begins IMMEDIATE: a deferred transaction that reads
 * first and writes later cannot wait for another process's write lock (SQLite answers SQLITE_BUSY at once instead
 * of calling the busy handler), so a save would fail while the CLI writes. Taking the lock at BEGIN lets
 * busy_timeout apply to every `db.transaction()`. And the adapter says what is true, that SQLite runs DDL in a
 * transaction, so Kysely's Migrator migrates inside one: a second process waits for it, then finds the work done.
 */
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
