import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, forEachDialect, type TestDb } from '../../test/helpers/db.js';
import { containsText } from './like.js';

const ROWS = ['Порт Актау', 'ПОРТ', 'Port of Aktau', '50% growth', '5000 tons', 'a_b test', 'axb', 'wow!', 'wow', 'C:\\dir', 'Ёлка'];

forEachDialect('containsText', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect, { migrated: false });
    await sql`create table phrases (text text not null)`.execute(db.kysely);
    for (const text of ROWS) await sql`insert into phrases (text) values (${text})`.execute(db.kysely);
  });
  afterEach(() => db.dispose());

  const find = async (q: string) => {
    const { rows } = await sql<{ text: string }>`select text from phrases where ${containsText(sql.ref('text'), q)} order by text`.execute(db.kysely);
    return rows.map((r) => r.text).sort();
  };

  it('ignores case, in Latin and Cyrillic alike', async () => {
    expect(await find('port')).toEqual(['Port of Aktau']);
    expect(await find('PORT')).toEqual(['Port of Aktau']);
    expect(await find('порт')).toEqual(['ПОРТ', 'Порт Актау'].sort());
    expect(await find('ПоРт аКТ')).toEqual(['Порт Актау']);
    expect(await find('ёлка')).toEqual(['Ёлка']);
  });

  it('takes wildcards and the escape character as the characters they are', async () => {
    expect(await find('50%')).toEqual(['50% growth']);
    expect(await find('a_b')).toEqual(['a_b test']);
    expect(await find('%')).toEqual(['50% growth']);
    expect(await find('_')).toEqual(['a_b test']);
    expect(await find('!')).toEqual(['wow!']);
    expect(await find('\\')).toEqual(['C:\\dir']);
  });
});
