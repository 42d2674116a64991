/**
 * Accounts and sessions: sign-in with back-off and lock-out, TOTP second factor, sign-out (here or
 * everywhere), password reset and invitations by e-mailed single-use links.
 */
import * as OTPAuth from 'otpauth';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Role, UsersTable } from '../../storage/schema.js';
import { DomainError } from '../../lib/errors.js';
import { enqueue } from '../../jobs/outbox.js';
import type { MailMessage } from '../mail/mailer.js';
import { can, STAFF_ROLES, type Actor } from './policy.js';
import {
  hashToken,
  INVITE_TTL_MS,
  isValidEmail,
  lockAfterFailures,
  MFA_PENDING_TTL_MS,
  newToken,
  normalizeEmail,
  passwordProblem,
  RESET_TTL_MS,
  SESSION_TTL_MS,
} from './rules.js';
import { inviteMail, resetMail } from './emails.js';

export interface SessionUser extends Actor {
  email: string;
  name: string;
  authorId: number | null;
  totpEnabled: boolean;
  sessionId: string;
  /** True while a session waits for the second factor. */
  mfaPending: boolean;
}

type Db = Kysely<Database>;

// argon2id with the OWASP-recommended minimum: 19 MiB, 2 iterations.
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// The argon2 binding is loaded on the first sign-in or password change, not at start-up.
const argon = () => import('@node-rs/argon2');

export const hashPassword = async (password: string) => (await argon()).hash(password, ARGON);
const argonVerify = async (hash: string, password: string) => (await argon()).verify(hash, password);

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when there is no account, so a wrong address takes as long as a wrong password. */
const DUMMY_HASH = () => (dummyHash ??= hashPassword('a password nobody has, to keep timing even'));

/** Refuses while an account waits after failures, saying for how long. */
function refuseWhileLocked(lockedUntil: string | null, now: Date): void {
  if (!lockedUntil || new Date(lockedUntil) <= now) return;
  const seconds = Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000);
  throw new DomainError('ACCOUNT_LOCKED', `Too many failed attempts. Try again in ${seconds} s.`, [`retryAfter: ${seconds}`]);
}

function totpFor(secret: string, label: string, issuer: string) {
  return new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export interface AccountServiceOptions {
  db: Db;
  now: () => Date;
  /** The site's own origin for the links in mails: never taken from a request. */
  origin: () => string;
  siteName: () => string;
  siteLang: () => 'ru' | 'en';
}

export class AccountService {
  constructor(private readonly o: AccountServiceOptions) {}

  private get db() {
    return this.o.db;
  }

  private validPassword(password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('VALIDATION', `The password ${problem}.`, [`password: ${problem}`]);
  }

  createUser(input: { email: string; name: string; role: Role; password?: string; authorId?: number | null }): Promise<number> {
    return this.insertUser(this.db, input);
  }

  private async insertUser(db: Db | Transaction<Database>, input: { email: string; name: string; role: Role; password?: string; authorId?: number | null }): Promise<number> {
    const email = normalizeEmail(input.email);
    if (!isValidEmail(email)) throw new DomainError('VALIDATION', `“${input.email}” is not an e-mail address.`, ['email: not an e-mail address']);
    if (!input.name.trim()) throw new DomainError('VALIDATION', 'A name is required.', ['name: required']);
    if (![...STAFF_ROLES, 'reader'].includes(input.role)) throw new DomainError('VALIDATION', `Unknown role “${input.role}”.`, ['role: unknown']);
    if (input.password !== undefined) this.validPassword(input.password);
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new DomainError('EMAIL_TAKEN', `An account with ${email} already exists.`);
    const row = await db
      .insertInto('users')
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        password_hash: input.password === undefined ? null : await hashPassword(input.password),
        totp_secret: null,
        totp_enabled: 0,
        failed_logins: 0,
        locked_until: null,
        author_id: input.authorId ?? null,
        disabled: 0,
        created_at: this.o.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Checks e-mail and password; returns a new session token. A wrong pair never says which half was wrong. */
  async signIn(input: { email: string; password: string; ip: string; userAgent: string }): Promise<{ token: string; mfaRequired: boolean }> {
    const now = this.o.now();
    const user = await this.db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(input.email)).executeTakeFirst();
    if (!user || !user.password_hash || user.disabled) {
      await argonVerify(await DUMMY_HASH(), input.password).catch(() => false);
      throw new DomainError('SIGN_IN_FAILED', 'The e-mail or the password is wrong.');
    }
    refuseWhileLocked(user.locked_until, now);
    if (!(await argonVerify(user.password_hash, input.password))) {
      await this.recordFailure(user.id, 'failed_logins', now);
      throw new DomainError('SIGN_IN_FAILED', 'The e-mail or the password is wrong.');
    }
    await this.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const mfaRequired = user.totp_enabled === 1;
    const token = await this.openSession(user.id, mfaRequired, input.ip, input.userAgent);
    return { token, mfaRequired };
  }

  /**
   * Counts a failure in one atomic update and makes the account wait as the new count says: guesses sent at the
   * same moment are each counted, not once per burst.
   */
  private async recordFailure(userId: number, counter: 'failed_logins' | 'failed_codes', now: Date): Promise<void> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ [counter]: eb(counter, '+', 1) }))
      .where('id', '=', userId)
      .returning(counter)
      .executeTakeFirstOrThrow();
    const until = lockAfterFailures(Number(row[counter]), now);
    if (!until) return;
    // A concurrent failure may already have set a longer wait: it is never shortened.
    const iso = until.toISOString();
    await this.db
      .updateTable('users')
      .set({ locked_until: iso })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', iso)]))
      .execute();
  }

  private async openSession(userId: number, mfaPending: boolean, ip: string, userAgent: string): Promise<string> {
    const now = this.o.now();
    const { token, hash } = newToken();
    await this.db
      .insertInto('sessions')
      .values({
        id: hash,
        user_id: userId,
        mfa_passed: mfaPending ? 0 : 1,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + (mfaPending ? MFA_PENDING_TTL_MS : SESSION_TTL_MS)).toISOString(),
        last_seen_at: now.toISOString(),
        ip,
        user_agent: userAgent.slice(0, 300),
      })
      .execute();
    return token;
  }

  /** The signed-in user behind a session cookie, or null when the session is unknown, expired or the user disabled. */
  async userForSession(token: string): Promise<SessionUser | null> {
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id as session_id', 'sessions.mfa_passed', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.author_id', 'users.totp_enabled', 'users.disabled'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row || row.disabled || new Date(row.expires_at) <= this.o.now()) return null;
    return {
      id: row.id,
      role: row.role,
      email: row.email,
      name: row.name,
      authorId: row.author_id,
      totpEnabled: row.totp_enabled === 1,
      sessionId: row.session_id,
      mfaPending: row.mfa_passed === 0,
    };
  }

  /** Completes a sign-in that waits for the second factor. Wrong codes count per account, as wrong passwords do. */
  async completeMfa(user: SessionUser, code: string): Promise<void> {
    const now = this.o.now();
    const row = await this.db.selectFrom('users').select(['totp_secret', 'email', 'totp_last_step', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    refuseWhileLocked(row.locked_until, now);
    const step = row.totp_secret ? this.acceptedStep(row.totp_secret, row.email, code) : null;
    if (step === null) {
      await this.recordFailure(user.id, 'failed_codes', now);
      throw new DomainError('MFA_INVALID', 'The code is wrong or has expired.');
    }
    // A code is good once: the step must be newer than the last one accepted, checked in the same update.
    const claimed = await this.db
      .updateTable('users')
      .set({ totp_last_step: step, failed_codes: 0 })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      await this.recordFailure(user.id, 'failed_codes', now);
      throw new DomainError('MFA_INVALID', 'This code has already been used. Wait for the next one.');
    }
    await this.db
      .updateTable('sessions')
      .set({ mfa_passed: 1, expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', user.sessionId)
      .execute();
  }

  /** The 30-second time step a code belongs to (±1 step for clock drift), or null when it is wrong. */
  private acceptedStep(secret: string, email: string, code: string): number | null {
    const clean = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(clean)) return null;
    const now = this.o.now().getTime();
    const delta = totpFor(secret, email, this.o.siteName()).validate({ token: clean, timestamp: now, window: 1 });
    return delta === null ? null : Math.floor(now / 30_000) + delta;
  }

  /** A new TOTP secret for the user to add to an authenticator app; enabled only once a code confirms it. */
  newTotpSecret(user: { email: string }): { secret: string; uri: string } {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    return { secret, uri: totpFor(secret, user.email, this.o.siteName()).toString() };
  }

  async enableTotp(user: SessionUser, secret: string, code: string): Promise<void> {
    if (!/^[A-Z2-7]{16,64}$/.test(secret)) throw new DomainError('VALIDATION', 'The secret is malformed; start the setup again.', ['secret: malformed']);
    const step = this.acceptedStep(secret, user.email, code);
    if (step === null) throw new DomainError('MFA_INVALID', 'The code is wrong or has expired.');
    await this.db.updateTable('users').set({ totp_secret: secret, totp_enabled: 1, totp_last_step: step }).where('id', '=', user.id).execute();
  }

  async signOut(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  async signOutEverywhere(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  private async issueLink(db: Transaction<Database>, userId: number, kind: 'reset' | 'invite', ttl: number): Promise<string> {
    const now = this.o.now();
    const { token, hash } = newToken();
    await db
      .insertInto('auth_tokens')
      .values({ id: hash, kind, user_id: userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttl).toISOString(), used_at: null })
      .execute();
    return token;
  }

  /** The e-mail is queued in the same transaction as the link it carries: both happen, or neither. */
  private async mail(db: Transaction<Database>, message: MailMessage): Promise<void> {
    await enqueue(db, 'mail', message, this.o.now());
  }

  /** Always succeeds, so the answer never tells whether an address has an account. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.db.selectFrom('users').select(['id', 'email', 'name', 'disabled']).where('email', '=', normalizeEmail(email)).executeTakeFirst();
    if (!user || user.disabled) return;
    await this.db.transaction().execute(async (trx) => {
      const token = await this.issueLink(trx, user.id, 'reset', RESET_TTL_MS);
      await this.mail(trx, resetMail(this.o.siteLang(), this.o.siteName(), user, `${this.o.origin()}/admin/reset/${token}`));
    });
  }

  /** Uses a single-use link: sets the password, voids every other link of the account, and signs it out everywhere. */
  async redeemLink(kind: 'reset' | 'invite', token: string, password: string): Promise<number> {
    this.validPassword(password);
    const id = hashToken(token);
    const link = await this.db.selectFrom('auth_tokens').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
    if (!link || link.used_at || new Date(link.expires_at) <= this.o.now()) {
      throw new DomainError('LINK_INVALID', 'This link has expired or has already been used. Ask for a new one.');
    }
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('auth_tokens').set({ used_at: this.o.now().toISOString() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('LINK_INVALID', 'This link has already been used.');
      await this.replacePassword(trx, link.user_id, hash);
    });
    return link.user_id;
  }

  /** For a person who lost their authenticator: 2FA off, every session ended (an operator's command). */
  async resetTotp(email: string): Promise<number> {
    const id = await this.userIdByEmail(email);
    await this.db.updateTable('users').set({ totp_secret: null, totp_enabled: 0, totp_last_step: null }).where('id', '=', id).execute();
    await this.signOutEverywhere(id);
    return id;
  }

  /** Sets a new password for an account (the `dateline user password` command) and signs it out everywhere. */
  async setPassword(email: string, password: string): Promise<number> {
    this.validPassword(password);
    const id = await this.userIdByEmail(email);
    const hash = await hashPassword(password);
    await this.db.transaction().execute((trx) => this.replacePassword(trx, id, hash));
    return id;
  }

  private async userIdByEmail(email: string): Promise<number> {
    const user = await this.db.selectFrom('users').select('id').where('email', '=', normalizeEmail(email)).executeTakeFirst();
    if (!user) throw new DomainError('NOT_FOUND', `There is no account with the e-mail ${normalizeEmail(email)}.`);
    return user.id;
  }

  /**
   * A new password clears the sign-in back-off, voids every reset and invitation link still open for the account
   * (a stolen older link must not set a password after this one), and ends every session of the account.
   */
  private async replacePassword(trx: Transaction<Database>, userId: number, passwordHash: string): Promise<void> {
    const now = this.o.now().toISOString();
    await trx.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, failed_codes: 0, locked_until: null }).where('id', '=', userId).execute();
    await trx.updateTable('auth_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async checkLink(kind: 'reset' | 'invite', token: string): Promise<{ email: string; name: string } | null> {
    const row = await this.db
      .selectFrom('auth_tokens')
      .innerJoin('users', 'users.id', 'auth_tokens.user_id')
      .select(['users.email', 'users.name', 'auth_tokens.expires_at', 'auth_tokens.used_at'])
      .where('auth_tokens.id', '=', hashToken(token))
      .where('auth_tokens.kind', '=', kind)
      .executeTakeFirst();
    if (!row || row.used_at || new Date(row.expires_at) <= this.o.now()) return null;
    return { email: row.email, name: row.name };
  }

  /** The owner invites a person to the staff; they choose a password through the e-mailed link. */
  async invite(actor: Actor, input: { email: string; name: string; role: Role }): Promise<number> {
    if (!can(actor, 'staff.manage')) throw new DomainError('FORBIDDEN', 'Only the owner can invite staff.');
    if (!(STAFF_ROLES as readonly string[]).includes(input.role)) throw new DomainError('VALIDATION', `Unknown role “${input.role}”.`, ['role: unknown']);
    const inviter = await this.db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
    return this.db.transaction().execute(async (trx) => {
      const id = await this.insertUser(trx, { email: input.email, name: input.name, role: input.role });
      const token = await this.issueLink(trx, id, 'invite', INVITE_TTL_MS);
      await this.mail(trx, inviteMail(this.o.siteLang(), this.o.siteName(), { email: normalizeEmail(input.email), name: input.name }, inviter?.name ?? '', input.role, `${this.o.origin()}/admin/invite/${token}`));
      return id;
    });
  }

  async listStaff(actor: Actor): Promise<Array<Pick<UsersTable, 'email' | 'name' | 'role'> & { id: number; totpEnabled: boolean; invited: boolean; disabled: boolean }>> {
    if (!can(actor, 'staff.manage')) throw new DomainError('FORBIDDEN', 'Only the owner can see the staff list.');
    const rows = await this.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'totp_enabled', 'password_hash', 'disabled']).where('role', '!=', 'reader').orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, totpEnabled: r.totp_enabled === 1, invited: r.password_hash === null, disabled: r.disabled === 1 }));
  }
}
