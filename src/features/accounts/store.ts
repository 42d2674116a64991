/** Reads and writes of accounts, sessions and single-use links (users, sessions, auth_tokens). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuthTokensTable, Database, Role, SessionsTable } from '../../storage/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A failure counter of an account: wrong passwords, or wrong second-factor codes. */
export type FailureCounter = 'failed_logins' | 'failed_codes';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  authorId: number | null;
  createdAt: string;
}

// ---- users ----

export async function userIdByEmail(db: Db, email: string): Promise<number | null> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id ?? null;
}

export function userByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function userName(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/** A new account with no second factor, no failures and no lock. */
export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      author_id: user.authorId,
      disabled: 0,
      created_at: user.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every account but readers', by name, with what the staff list shows. */
export function staffRows(db: Db) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'totp_enabled', 'password_hash', 'disabled']).where('role', '!=', 'reader').orderBy('name').execute();
}

// ---- sign-in failures and lock-out ----

/** Adds one failure in a single atomic update and returns the new count: failures at the same moment are each counted. */
export async function countFailure(db: Db, userId: number, counter: FailureCounter): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ [counter]: eb(counter, '+', 1) }))
    .where('id', '=', userId)
    .returning(counter)
    .executeTakeFirstOrThrow();
  return Number(row[counter]);
}

/** Makes the account wait until `until` (ISO), unless a concurrent failure already set a later time: a wait is never shortened. */
export async function extendLock(db: Db, userId: number, until: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ locked_until: until })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
    .execute();
}

export async function clearSignInFailures(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** A new password hash, with the sign-in back-off of both counters cleared. */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, failed_codes: 0, locked_until: null }).where('id', '=', userId).execute();
}

// ---- second factor ----

export function totpStateOf(db: Db, userId: number) {
  return db.selectFrom('users').select(['totp_secret', 'email', 'totp_last_step', 'locked_until']).where('id', '=', userId).executeTakeFirstOrThrow();
}

/**
 * Accepts TOTP step `step` only when it is newer than the last one accepted, checked in the same update, and clears the
 * wrong-code count. False when the step was already used (or an older one): a code is good once.
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const claimed = await db
    .updateTable('users')
    .set({ totp_last_step: step, failed_codes: 0 })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function enableUserTotp(db: Db, userId: number, secret: string, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret, totp_enabled: 1, totp_last_step: step }).where('id', '=', userId).execute();
}

export async function disableUserTotp(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_enabled: 0, totp_last_step: null }).where('id', '=', userId).execute();
}

// ---- sessions ----

export async function insertSession(db: Db, session: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session (by its hashed id) and the account behind it. */
export function sessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.mfa_passed', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.author_id', 'users.totp_enabled', 'users.disabled'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

/** The second factor was given: the session becomes a full one, until `expiresAt`. */
export async function passSessionMfa(db: Db, sessionId: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_passed: 1, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// ---- single-use links ----

export async function insertAuthToken(db: Db, token: Insertable<AuthTokensTable>): Promise<void> {
  await db.insertInto('auth_tokens').values(token).execute();
}

export function authTokenOf(db: Db, id: string, kind: AuthTokensTable['kind']) {
  return db.selectFrom('auth_tokens').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/** A link (by its hashed id) with the name and address of its account. */
export function authTokenWithUser(db: Db, id: string, kind: AuthTokensTable['kind']) {
  return db
    .selectFrom('auth_tokens')
    .innerJoin('users', 'users.id', 'auth_tokens.user_id')
    .select(['users.email', 'users.name', 'auth_tokens.expires_at', 'auth_tokens.used_at'])
    .where('auth_tokens.id', '=', id)
    .where('auth_tokens.kind', '=', kind)
    .executeTakeFirst();
}

/** Marks a link used, only if it was not: false when another request used it first. */
export async function claimAuthToken(db: Db, id: string, usedAt: string): Promise<boolean> {
  const claimed = await db.updateTable('auth_tokens').set({ used_at: usedAt }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Marks every link of the account still open as used. */
export async function voidUserAuthTokens(db: Db, userId: number, usedAt: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ used_at: usedAt }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
