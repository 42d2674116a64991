/**
 * Limits that hold against concurrent guesses and many addresses: wrong passwords and wrong codes are counted
 * atomically per account, a password change voids every open link, and a session that has only passed the
 * password step can do nothing but enter its code or sign itself out.
 */
import * as OTPAuth from 'otpauth';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import { anonymousForm, BROWSER_UA, csrfFrom, postAnonymous, sessionCookieOf, signInThroughForm, staffSession, STAFF_PASSWORD } from '../../../test/helpers/admin.js';
import { DomainError } from '../../lib/errors.js';
import { FREE_ATTEMPTS, LOCKOUT_AFTER } from './rules.js';

const EMAIL = 'owner@example.com';
const BURST = 21;

forEachDialect('sign-in limits', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  const counters = () => n.db.kysely.selectFrom('users').select(['failed_logins', 'failed_codes', 'locked_until']).where('email', '=', EMAIL).executeTakeFirstOrThrow();

  /** A form POST from its own address, so only the per-account limit can stop it (the per-address one allows 20 a minute). */
  async function postFrom(ip: string, url: string, fields: Record<string, string>, cookie?: string, formUrl = url) {
    const page = await n.app.inject({ url: formUrl, remoteAddress: ip, headers: cookie ? { cookie } : {} });
    const csrfCookie = page.cookies.find((c) => c.name === 'dl_csrf');
    const cookies = [cookie, csrfCookie ? `dl_csrf=${csrfCookie.value}` : undefined].filter(Boolean).join('; ');
    return n.app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { cookie: cookies, 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER_UA, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
    });
  }

  it(`counts each of ${BURST} wrong passwords sent at the same moment, and locks the account`, async () => {
    await n.services.accounts.createUser({ email: EMAIL, name: 'Owner', role: 'owner', password: STAFF_PASSWORD });
    const results = await Promise.allSettled(
      Array.from({ length: BURST }, () => n.services.accounts.signIn({ email: EMAIL, password: 'a-wrong-guess', ip: '127.0.0.1', userAgent: BROWSER_UA })),
    );
    const codes = results.map((r) => (r.status === 'rejected' && r.reason instanceof DomainError ? r.reason.code : 'other'));
    expect(codes.every((c) => c === 'SIGN_IN_FAILED' || c === 'ACCOUNT_LOCKED')).toBe(true);
    const row = await counters();
    expect(row.failed_logins).toBe(codes.filter((c) => c === 'SIGN_IN_FAILED').length);
    expect(row.failed_logins).toBeGreaterThanOrEqual(LOCKOUT_AFTER);
    expect(new Date(row.locked_until!).getTime() - n.clock.now.getTime()).toBe(15 * 60_000);
    await expect(n.services.accounts.signIn({ email: EMAIL, password: STAFF_PASSWORD, ip: '127.0.0.1', userAgent: BROWSER_UA })).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('a burst of wrong passwords from many addresses through the form locks the account after ten', async () => {
    await n.services.accounts.createUser({ email: EMAIL, name: 'Owner', role: 'owner', password: STAFF_PASSWORD });
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => postFrom(`192.0.2.${i + 1}`, '/admin/sign-in', { email: EMAIL, password: `guess-number-${i}` })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await counters()).failed_logins).toBe(statuses.filter((s) => s === 401).length);
    expect((await counters()).failed_logins).toBeGreaterThanOrEqual(LOCKOUT_AFTER);
    const right = await postFrom('198.51.100.7', '/admin/sign-in', { email: EMAIL, password: STAFF_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Попробуйте снова через 15 мин.');
  });

  async function ownerWith2fa(): Promise<string> {
    const s = await staffSession(n, 'owner', EMAIL);
    const { secret } = n.services.accounts.newTotpSecret({ email: EMAIL });
    const user = (await n.services.accounts.userForSession(s.cookie.slice('dl_session='.length)))!;
    await n.services.accounts.enableTotp(user, secret, codeAt(secret));
    return secret;
  }
  const codeAt = (secret: string, at = n.clock.now) => new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
  const wrongCode = (secret: string) => String((Number(codeAt(secret)) + 500_000) % 1_000_000).padStart(6, '0');

  it('counts wrong two-factor codes per account across sessions and addresses, and locks out as for passwords', async () => {
    const secret = await ownerWith2fa();
    n.clock.now = new Date(n.clock.now.getTime() + 60_000);
    const statuses: number[] = [];
    // Someone with the password opens a fresh session from a fresh address for every guess: a right password must not clear the count.
    for (let i = 0; i < LOCKOUT_AFTER + 2; i++) {
      const signIn = await postFrom(`203.0.113.${i + 1}`, '/admin/sign-in', { email: EMAIL, password: STAFF_PASSWORD });
      if (signIn.statusCode !== 303) {
        statuses.push(signIn.statusCode);
        continue;
      }
      const pending = sessionCookieOf(signIn)!;
      statuses.push((await postFrom(`203.0.113.${i + 1}`, '/admin/sign-in/code', { code: wrongCode(secret) }, pending)).statusCode);
      // Past the free attempts each failure makes the account wait; the attacker waits too.
      n.clock.now = new Date(n.clock.now.getTime() + 61_000);
    }
    expect(statuses.slice(0, LOCKOUT_AFTER)).toEqual(Array(LOCKOUT_AFTER).fill(401));
    expect(statuses.slice(LOCKOUT_AFTER)).toEqual([429, 429]);
    expect((await counters()).failed_codes).toBe(LOCKOUT_AFTER);
    // Locked: neither the password nor the right code lets anyone in for fifteen minutes.
    const locked = await signInThroughForm(n, EMAIL, STAFF_PASSWORD);
    expect(locked.statusCode).toBe(429);
    n.clock.now = new Date(n.clock.now.getTime() + 15 * 60_000);
    const back = await signInThroughForm(n, EMAIL, STAFF_PASSWORD);
    expect(back.statusCode).toBe(303);
    const right = await postFrom('203.0.113.200', '/admin/sign-in/code', { code: codeAt(secret) }, sessionCookieOf(back)!);
    expect(right.statusCode).toBe(303);
    expect((await counters()).failed_codes).toBe(0);
  });

  it('wrong codes sent at the same moment are each counted', async () => {
    const secret = await ownerWith2fa();
    n.clock.now = new Date(n.clock.now.getTime() + 60_000);
    const { token } = await n.services.accounts.signIn({ email: EMAIL, password: STAFF_PASSWORD, ip: '127.0.0.1', userAgent: BROWSER_UA });
    const pending = (await n.services.accounts.userForSession(token))!;
    const results = await Promise.allSettled(Array.from({ length: BURST }, () => n.services.accounts.completeMfa(pending, wrongCode(secret))));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'passed'));
    expect(codes.every((c) => c === 'MFA_INVALID' || c === 'ACCOUNT_LOCKED')).toBe(true);
    // Past the free attempts the first wait begins, and codes that arrive after it are refused uncounted.
    expect((await counters()).failed_codes).toBe(codes.filter((c) => c === 'MFA_INVALID').length);
    expect((await counters()).failed_codes).toBeGreaterThan(FREE_ATTEMPTS);
    await expect(n.services.accounts.completeMfa(pending, codeAt(secret))).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('a session waiting for its code cannot sign the account out everywhere, but can sign itself out', async () => {
    await ownerWith2fa();
    const other = await n.services.accounts.signIn({ email: EMAIL, password: STAFF_PASSWORD, ip: '127.0.0.1', userAgent: BROWSER_UA });
    const pending = sessionCookieOf(await signInThroughForm(n, EMAIL, STAFF_PASSWORD))!;
    const everywhere = await postFrom('192.0.2.50', '/admin/sign-out-everywhere', {}, pending, '/admin/sign-in/code');
    expect(everywhere.statusCode).toBe(303);
    expect(everywhere.headers.location).toBe('/admin/sign-in/code');
    expect(await n.services.accounts.userForSession(other.token)).not.toBeNull();
    const sessions = await n.db.kysely.selectFrom('sessions').select('id').execute();
    expect(sessions.length).toBe(3);

    const self = await postFrom('192.0.2.50', '/admin/sign-out', {}, pending, '/admin/sign-in/code');
    expect(self.statusCode).toBe(303);
    expect((await n.db.kysely.selectFrom('sessions').select('id').execute()).length).toBe(2);
    expect(await n.services.accounts.userForSession(other.token)).not.toBeNull();
  });
});

forEachDialect('links voided by a new password', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  /** Asks for a reset link and returns its path from the queued mail. */
  async function resetLink(): Promise<string> {
    const form = await anonymousForm(n, '/admin/forgot');
    await postAnonymous(n, form, '/admin/forgot', { email: EMAIL });
    const mails = await n.db.kysely.selectFrom('outbox').select('payload').orderBy('id', 'desc').execute();
    const text = (JSON.parse(mails[0]!.payload) as { text: string }).text;
    return new URL(/https?:\/\/\S+/.exec(text)![0]).pathname;
  }
  const setPassword = async (path: string, password: string) => postAnonymous(n, await anonymousForm(n, path), path, { password });

  it('using the newer of two reset links voids the older one and signs out every session', async () => {
    const s = await staffSession(n, 'editor', EMAIL);
    const older = await resetLink();
    const newer = await resetLink();
    expect((await setPassword(newer, 'a-new-password-1')).statusCode).toBe(200);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: s.cookie } })).statusCode).toBe(303);
    const stale = await n.app.inject(older);
    expect(stale.statusCode).toBe(410);
    await expect(n.services.accounts.redeemLink('reset', older.split('/').pop()!, 'an-attackers-password')).rejects.toMatchObject({ code: 'LINK_INVALID' });
    await expect(n.services.accounts.signIn({ email: EMAIL, password: 'a-new-password-1', ip: '127.0.0.1', userAgent: BROWSER_UA })).resolves.toBeTruthy();
  });

  it('a password set another way (the CLI) voids open reset and invitation links too', async () => {
    const owner = await staffSession(n, 'owner', 'chief@example.com');
    const ownerUser = (await n.services.accounts.userForSession(owner.cookie.slice('dl_session='.length)))!;
    await n.services.accounts.invite(ownerUser, { email: EMAIL, name: 'Invited', role: 'author' });
    const mail = await n.db.kysely.selectFrom('outbox').select('payload').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const invite = new URL(/https?:\/\/\S+/.exec((JSON.parse(mail.payload) as { text: string }).text)![0]).pathname;
    const reset = await resetLink();
    await n.services.accounts.setPassword(EMAIL, 'set-by-the-operator');
    expect((await n.app.inject(invite)).statusCode).toBe(410);
    expect((await n.app.inject(reset)).statusCode).toBe(410);
    await expect(n.services.accounts.redeemLink('reset', reset.split('/').pop()!, 'an-attackers-password')).rejects.toMatchObject({ code: 'LINK_INVALID' });
  });
});
