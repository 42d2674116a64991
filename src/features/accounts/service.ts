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
import * as store from './store.js';

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
    if ((await store.userIdByEmail(db, email)) !== null) throw new DomainError('EMAIL_TAKEN', `An account with ${email} already exists.`);
    return store.insertUser(db, {
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      authorId: input.authorId ?? null,
      createdAt: this.o.now().toISOString(),
    });
  }

  /** Checks e-mail and password; returns a new session token. A wrong pair never says which half was wrong. */
  async signIn(input: { email: string; password: string; ip: string; userAgent: string }): Promise<{ token: string; mfaRequired: boolean }> {
    const now = this.o.now();
    const user = await store.userByEmail(this.db, normalizeEmail(input.email));
    if (!user || !user.password_hash || user.disabled) {
      await argonVerify(await DUMMY_HASH(), input.password).catch(() => false);
      throw new DomainError('SIGN_IN_FAILED', 'The e-mail or the password is wrong.');
    }
    refuseWhileLocked(user.locked_until, now);
    if (!(await argonVerify(user.password_hash, input.password))) {
      await this.recordFailure(user.id, 'failed_logins', now);
      throw new DomainError('SIGN_IN_FAILED', 'The e-mail or the password is wrong.');
    }
    await store.clearSignInFailures(this.db, user.id);
    const mfaRequired = user.totp_enabled === 1;
    const token = await this.openSession(user.id, mfaRequired, input.ip, input.userAgent);
    return { token, mfaRequired };
  }

  /**
   * Counts a failure in one atomic update and makes the account wait as the new count says: guesses sent at the
   * same moment are each counted, not once per burst.
   */
  private async recordFailure(userId: number, counter: store.FailureCounter, now: Date): Promise<void> {
    const until = lockAfterFailures(await store.countFailure(this.db, userId, counter), now);
    // A concurrent failure may already have set a longer wait: it is never shortened.
    if (until) await store.extendLock(this.db, userId, until.toISOString());
  }

  private async openSession(userId: number, mfaPending: boolean, ip: string, userAgent: string): Promise<string> {
    const now = this.o.now();
    const { token, hash } = newToken();
    await store.insertSession(this.db, {
      id: hash,
      user_id: userId,
      mfa_passed: mfaPending ? 0 : 1,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + (mfaPending ? MFA_PENDING_TTL_MS : SESSION_TTL_MS)).toISOString(),
      last_seen_at: now.toISOString(),
      ip,
      user_agent: userAgent.slice(0, 300),
    });
    return token;
  }

  /** The signed-in user behind a session cookie, or null when the session is unknown, expired or the user disabled. */
  async userForSession(token: string): Promise<SessionUser | null> {
    const row = await store.sessionWithUser(this.db, hashToken(token));
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
    const row = await store.totpStateOf(this.db, user.id);
    refuseWhileLocked(row.locked_until, now);
    const step = row.totp_secret ? this.acceptedStep(row.totp_secret, row.email, code) : null;
    if (step === null) {
      await this.recordFailure(user.id, 'failed_codes', now);
      throw new DomainError('MFA_INVALID', 'The code is wrong or has expired.');
    }
    // A code is good once: the step must be newer than the last one accepted, checked in the same update.
    if (!(await store.claimTotpStep(this.db, user.id, step))) {
      await this.recordFailure(user.id, 'failed_codes', now);
      throw new DomainError('MFA_INVALID', 'This code has already been used. Wait for the next one.');
    }
    await store.passSessionMfa(this.db, user.sessionId, new Date(now.getTime() + SESSION_TTL_MS).toISOString());
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
    await store.enableUserTotp(this.db, user.id, secret, step);
  }

  async signOut(token: string): Promise<void> {
    await store.deleteSession(this.db, hashToken(token));
  }

  async signOutEverywhere(userId: number): Promise<void> {
    await store.deleteUserSessions(this.db, userId);
  }

  private async issueLink(db: Transaction<Database>, userId: number, kind: 'reset' | 'invite', ttl: number): Promise<string> {
    const now = this.o.now();
    const { token, hash } = newToken();
    await store.insertAuthToken(db, { id: hash, kind, user_id: userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttl).toISOString(), used_at: null });
    return token;
  }

  /** The e-mail is queued in the same transaction as the link it carries: both happen, or neither. */
  private async mail(db: Transaction<Database>, message: MailMessage): Promise<void> {
    await enqueue(db, 'mail', message, this.o.now());
  }

  /** Always succeeds, so the answer never tells whether an address has an account. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await store.userByEmail(this.db, normalizeEmail(email));
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
    const link = await store.authTokenOf(this.db, id, kind);
    if (!link || link.used_at || new Date(link.expires_at) <= this.o.now()) {
      throw new DomainError('LINK_INVALID', 'This link has expired or has already been used. Ask for a new one.');
    }
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      if (!(await store.claimAuthToken(trx, id, this.o.now().toISOString()))) throw new DomainError('LINK_INVALID', 'This link has already been used.');
      await this.replacePassword(trx, link.user_id, hash);
    });
    return link.user_id;
  }

  /** For a person who lost their authenticator: 2FA off, every session ended (an operator's command). */
  async resetTotp(email: string): Promise<number> {
    const id = await this.userIdByEmail(email);
    await store.disableUserTotp(this.db, id);
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
    const id = await store.userIdByEmail(this.db, normalizeEmail(email));
    if (id === null) throw new DomainError('NOT_FOUND', `There is no account with the e-mail ${normalizeEmail(email)}.`);
    return id;
  }

  /**
   * A new password clears the sign-in back-off, voids every reset and invitation link still open for the account
   * (a stolen older link must not set a password after this one), and ends every session of the account.
   */
  private async replacePassword(trx: Transaction<Database>, userId: number, passwordHash: string): Promise<void> {
    const now = this.o.now().toISOString();
    await store.setPasswordHash(trx, userId, passwordHash);
    await store.voidUserAuthTokens(trx, userId, now);
    await store.deleteUserSessions(trx, userId);
  }

  async checkLink(kind: 'reset' | 'invite', token: string): Promise<{ email: string; name: string } | null> {
    const row = await store.authTokenWithUser(this.db, hashToken(token), kind);
    if (!row || row.used_at || new Date(row.expires_at) <= this.o.now()) return null;
    return { email: row.email, name: row.name };
  }

  /** The owner invites a person to the staff; they choose a password through the e-mailed link. */
  async invite(actor: Actor, input: { email: string; name: string; role: Role }): Promise<number> {
    if (!can(actor, 'staff.manage')) throw new DomainError('FORBIDDEN', 'Only the owner can invite staff.');
    if (!(STAFF_ROLES as readonly string[]).includes(input.role)) throw new DomainError('VALIDATION', `Unknown role “${input.role}”.`, ['role: unknown']);
    const inviter = await store.userName(this.db, actor.id);
    return this.db.transaction().execute(async (trx) => {
      const id = await this.insertUser(trx, { email: input.email, name: input.name, role: input.role });
      const token = await this.issueLink(trx, id, 'invite', INVITE_TTL_MS);
      await this.mail(trx, inviteMail(this.o.siteLang(), this.o.siteName(), { email: normalizeEmail(input.email), name: input.name }, inviter ?? '', input.role, `${this.o.origin()}/admin/invite/${token}`));
      return id;
    });
  }

  async listStaff(actor: Actor): Promise<Array<Pick<UsersTable, 'email' | 'name' | 'role'> & { id: number; totpEnabled: boolean; invited: boolean; disabled: boolean }>> {
    if (!can(actor, 'staff.manage')) throw new DomainError('FORBIDDEN', 'Only the owner can see the staff list.');
    const rows = await store.staffRows(this.db);
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, totpEnabled: r.totp_enabled === 1, invited: r.password_hash === null, disabled: r.disabled === 1 }));
  }
}
