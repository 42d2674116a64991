/** Pure rules for accounts: e-mail and password checks, sign-in back-off and lock-out, token lifetimes. */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** A session that still waits for the second factor lives only this long. */
export const MFA_PENDING_TTL_MS = 10 * 60_000;
export const RESET_TTL_MS = 3600_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;

export const FREE_ATTEMPTS = 4;
export const LOCKOUT_AFTER = 10;
export const LOCKOUT_MS = 15 * 60_000;
const MAX_BACKOFF_MS = 60_000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;
export type PasswordProblem = 'short' | 'long' | 'blank';
/** The English wording of each problem; translations live in text.ts under the same keys. */
export const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  short: `must be at least ${MIN_PASSWORD} characters long`,
  long: `must be at most ${MAX_PASSWORD} characters long`,
  blank: 'must not be only spaces',
};

export function passwordProblemKey(password: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD) return 'short';
  if (password.length > MAX_PASSWORD) return 'long';
  if (password.trim().length === 0) return 'blank';
  return null;
}

export function passwordProblem(password: string): string | null {
  const key = passwordProblemKey(password);
  return key ? PASSWORD_PROBLEMS[key] : null;
}

/** A strong random password to print once (CLI, demo accounts): 20 characters from 56, about 116 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  // Rejection sampling keeps every character equally likely (56 does not divide 256).
  for (const b of bytes) {
    if (b < 224) out += alphabet[b % 56];
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : generatePassword();
}

/**
 * How long an account waits after its `failures`-th failure in a row (wrong passwords, or wrong codes): the first
 * few cost nothing, then each one makes it wait twice as long (1 s, 2 s, 4 s … up to a minute), and the tenth and
 * any after it lock it for fifteen minutes. Null: no wait.
 */
export function lockAfterFailures(failures: number, now: Date): Date | null {
  if (failures >= LOCKOUT_AFTER) return new Date(now.getTime() + LOCKOUT_MS);
  if (failures <= FREE_ATTEMPTS) return null;
  const wait = Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_BACKOFF_MS);
  return new Date(now.getTime() + wait);
}

/** A random token for a cookie or an e-mailed link, and the hash under which it is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Where to go after signing in: an address of this site's back office, never another site's (`//evil.example/admin/`). */
export function safeNext(next: string | undefined, fallback = '/admin/'): string {
  return next && /^\/admin(\/|$)/.test(next) && !next.startsWith('//') ? next : fallback;
}
