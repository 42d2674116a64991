/**
 * The one LIKE of the back-office searches: "contains this text", ignoring case, with `%`, `_` and the escape
 * character taken literally, the same on both engines. Both sides are lowered: on PostgreSQL by lower() (which
 * knows every alphabet in a UTF-8 locale), on SQLite by the Unicode-aware lower() that db.ts registers in place of
 * SQLite's ASCII-only one.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';

/** `!` rather than a backslash: one character that needs no quoting in either engine's string literals. */
const ESCAPE = '!';

const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `${ESCAPE}${c}`);

export function containsText(column: Expression<string | null>, text: string): RawBuilder<boolean> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape ${sql.lit(ESCAPE)}`;
}
