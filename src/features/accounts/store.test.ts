import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDb, forEachDialect, type TestDb } from '../../../test/helpers/db.js';
import * as store from './store.js';

const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-01T10:05:00.000Z';
const T2 = '2024-05-01T11:00:00.000Z';

forEachDialect('accounts store', (dialect) => {
  let db: TestDb;
  let userId: number;
  beforeEach(async () => {
    db = await createTestDb(dialect);
    userId = await store.insertUser(db.kysely, { email: 'anna@example.com', name: 'Anna', role: 'editor', passwordHash: 'hash', authorId: null, createdAt: T0 });
  });
  afterEach(() => db.dispose());

  const user = () => db.kysely.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

  it('counts every failure of a burst sent at the same moment, each update returning its own new count', async () => {
    const counts = await Promise.all(Array.from({ length: 12 }, () => store.countFailure(db.kysely, userId, 'failed_logins')));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await store.countFailure(db.kysely, userId, 'failed_codes')).toBe(1);
    expect(await user()).toMatchObject({ failed_logins: 12, failed_codes: 1 });
  });

  it('sets a lock where there was none and lengthens it, but never shortens it', async () => {
    await store.extendLock(db.kysely, userId, T1);
    expect((await user()).locked_until).toBe(T1);
    await store.extendLock(db.kysely, userId, T0);
    expect((await user()).locked_until).toBe(T1);
    await store.extendLock(db.kysely, userId, T2);
    expect((await user()).locked_until).toBe(T2);
  });

  it('clears the sign-in back-off on success, and both counters with a new password', async () => {
    await store.countFailure(db.kysely, userId, 'failed_logins');
    await store.countFailure(db.kysely, userId, 'failed_codes');
    await store.extendLock(db.kysely, userId, T1);
    await store.clearSignInFailures(db.kysely, userId);
    expect(await user()).toMatchObject({ failed_logins: 0, failed_codes: 1, locked_until: null });
    await store.extendLock(db.kysely, userId, T1);
    await store.setPasswordHash(db.kysely, userId, 'new hash');
    expect(await user()).toMatchObject({ password_hash: 'new hash', failed_logins: 0, failed_codes: 0, locked_until: null });
  });

  it('accepts each TOTP step once and only a newer one after it, clearing the wrong-code count', async () => {
    await store.countFailure(db.kysely, userId, 'failed_codes');
    expect(await store.claimTotpStep(db.kysely, userId, 100)).toBe(true);
    expect(await user()).toMatchObject({ totp_last_step: 100, failed_codes: 0 });
    expect(await store.claimTotpStep(db.kysely, userId, 100)).toBe(false);
    expect(await store.claimTotpStep(db.kysely, userId, 99)).toBe(false);
    expect(await store.claimTotpStep(db.kysely, userId, 101)).toBe(true);
    expect((await user()).totp_last_step).toBe(101);
  });

  it('uses a link once, and voids only the links still open', async () => {
    const link = (id: string) => ({ id, kind: 'reset' as const, user_id: userId, created_at: T0, expires_at: T2, used_at: null });
    await store.insertAuthToken(db.kysely, link('a'));
    await store.insertAuthToken(db.kysely, link('b'));
    await store.insertAuthToken(db.kysely, link('c'));
    const claims = await Promise.all([store.claimAuthToken(db.kysely, 'a', T0), store.claimAuthToken(db.kysely, 'a', T1)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.voidUserAuthTokens(db.kysely, userId, T2);
    const rows = await db.kysely.selectFrom('auth_tokens').select(['id', 'used_at']).orderBy('id').execute();
    expect(rows[0]!.used_at).not.toBe(T2);
    expect(rows.slice(1)).toEqual([
      { id: 'b', used_at: T2 },
      { id: 'c', used_at: T2 },
    ]);
    expect(await store.authTokenWithUser(db.kysely, 'b', 'reset')).toEqual({ email: 'anna@example.com', name: 'Anna', expires_at: T2, used_at: T2 });
    expect(await store.authTokenWithUser(db.kysely, 'b', 'invite')).toBeUndefined();
  });
});
