/**
 * Kysely's SQLite dialect with one change: every transaction begins IMMEDIATE. A deferred transaction that reads
 * first and writes later cannot wait for another process's write lock (SQLite answers SQLITE_BUSY at once instead
 * of calling the busy handler), so a save would fail while the CLI writes. Taking the lock at BEGIN lets
 * busy_timeout apply to every `db.transaction()`.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
}
