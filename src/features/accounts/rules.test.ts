import { describe, it, expect } from 'vitest';
import { lockAfterFailures, generatePassword, hashToken, isValidEmail, LOCKOUT_AFTER, newToken, normalizeEmail, passwordProblem, safeNext } from './rules.js';

describe('account rules', () => {
  const now = new Date('2024-04-11T08:00:00Z');

  it('lets the first failures pass, then backs off exponentially, then locks out', () => {
    const waits: Array<number | null> = [];
    for (let failures = 1; failures <= LOCKOUT_AFTER + 2; failures++) {
      const until = lockAfterFailures(failures, now);
      waits.push(until ? until.getTime() - now.getTime() : null);
    }
    expect(waits.slice(0, 4)).toEqual([null, null, null, null]);
    expect(waits.slice(4, 9)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(waits.slice(9)).toEqual([15 * 60_000, 15 * 60_000, 15 * 60_000]);
  });

  it('checks e-mail addresses and passwords', () => {
    expect(normalizeEmail('  Anna@Example.COM ')).toBe('anna@example.com');
    expect(isValidEmail('anna@example.com')).toBe(true);
    expect(isValidEmail('anna@example')).toBe(false);
    expect(passwordProblem('short')).toBe('must be at least 10 characters long');
    expect(passwordProblem('          ')).toBe('must not be only spaces');
    expect(passwordProblem('caspian-ferry-2024')).toBeNull();
  });

  it('generates strong passwords that pass the password rules', () => {
    const many = Array.from({ length: 200 }, generatePassword);
    expect(new Set(many).size).toBe(many.length);
    for (const p of many) {
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      expect(passwordProblem(p)).toBeNull();
    }
  });

  it('stores only a hash of each token', () => {
    const { token, hash } = newToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(newToken().token).not.toBe(token);
  });

  it('goes back after sign-in only to an address of the back office', () => {
    expect(safeNext('/admin/staff/')).toBe('/admin/staff/');
    expect(safeNext('/admin')).toBe('/admin');
    expect(safeNext('/admin/articles/?status=draft')).toBe('/admin/articles/?status=draft');
    for (const away of [undefined, '', '/', '/administrator', '//evil.example/admin/', 'https://evil.example/admin/', '/news/admin/']) expect(safeNext(away), String(away)).toBe('/admin/');
    expect(safeNext('https://evil.example/', '/admin/account/')).toBe('/admin/account/');
  });
});
