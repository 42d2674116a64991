/**
 * PostgreSQL introspection of the schema in use only. Kysely's own introspector reads every schema of the
 * cluster: its Migrator asks it whether the bookkeeping table exists before taking its lock, so one node's
 * migration could fail on a table another database user drops at that moment (tests share one cluster, one schema
 * each), and its cost grew with every schema. Reading only `current_schema()` makes both go away.
 */
import { PostgresDialect, PostgresIntrospector, sql, type DatabaseIntrospector, type DatabaseMetadata, type Kysely, type TableMetadata } from 'kysely';

interface ColumnRow {
  table: string;
  schema: string;
  is_view: boolean;
  column: string;
  type: string;
  not_null: boolean;
  has_default: boolean;
  identity: boolean;
}

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  getSchemas() {
    return new PostgresIntrospector(this.db).getSchemas();
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select c.relname as "table", n.nspname as "schema", c.relkind = 'v' as is_view, a.attname as "column",
             format_type(a.atttypid, a.atttypmod) as "type", a.attnotnull as not_null, a.atthasdef as has_default,
             a.attidentity <> '' as "identity"
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows) {
      let table = tables.get(r.table);
      if (!table) tables.set(r.table, (table = { name: r.table, schema: r.schema, isView: r.is_view, columns: [] }));
      table.columns.push({ name: r.column, dataType: r.type, isNullable: !r.not_null, hasDefaultValue: r.has_default, isAutoIncrementing: r.identity });
    }
    return [...tables.values()];
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
