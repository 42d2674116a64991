import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';

export async function readSettingRows(db: Kysely<Database>): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSetting(db: Kysely<Database> | Transaction<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

/**
 * A server secret (`secret:<name>` in the settings table, never shown or exported as a setting): generated on first
 * use, kept in the database so that every node and every restart share it. Two nodes starting at once keep the one
 * written first.
 */
export async function serverSecret(db: Kysely<Database>, name: string): Promise<string> {
  const key = `secret:${name}`;
  const read = () => db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  const found = await read();
  if (found) return JSON.parse(found.value) as string;
  const value = JSON.stringify(randomBytes(32).toString('base64url'));
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return JSON.parse((await read())!.value) as string;
}
