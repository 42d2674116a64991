import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import * as OTPAuth from 'otpauth';
import { htmlProblems } from '../../../test/helpers/html.js';
import { anonymousForm, csrfFrom, postAnonymous, postForm, sessionCookieOf, signInThroughForm, staffSession, STAFF_PASSWORD, type StaffSession } from '../../../test/helpers/admin.js';

forEachDialect('staff session basics', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  it('sends an anonymous visitor of the back office to the sign-in page', async () => {
    const res = await n.app.inject('/admin/account/');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2Faccount%2F');
  });

  it('refuses a form without a valid CSRF token', async () => {
    const s = await staffSession(n, 'owner');
    const res = await postForm(n, { ...s, csrf: 'forged' }, '/admin/staff/invite', { name: 'X', email: 'x@example.com', role: 'author' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('renders the account pages as valid HTML', async () => {
    const s = await staffSession(n, 'owner');
    const pages: Array<[string, string | undefined]> = [
      ['/admin/sign-in', undefined],
      ['/admin/forgot', undefined],
      ['/admin/reset/unknown-token', undefined],
      ['/admin/account/', s.cookie],
      ['/admin/staff/', s.cookie],
    ];
    for (const [url, cookie] of pages) {
      const page = await n.app.inject({ url, headers: cookie ? { cookie } : {} });
      expect(await htmlProblems(page.body), url).toEqual([]);
    }
  });

  it('shows a 403 page to a role that may not see a page', async () => {
    const s = await staffSession(n, 'author');
    const res = await n.app.inject({ url: '/admin/staff/', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Нет доступа');
  });
});

forEachDialect('signing in and out', (dialect) => {
  let n: Newsroom;
  const email = 'anna@example.com';
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    await n.services.accounts.createUser({ email, name: 'Анна Морозова', role: 'editor', password: STAFF_PASSWORD });
  });
  afterEach(() => n.close());

  const later = (ms: number) => {
    n.clock.now = new Date(n.clock.now.getTime() + ms);
  };
  const sessionsOf = (userId: number) => n.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  const userId = async () => (await n.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('signs in with the right password: an HttpOnly, SameSite=Lax session cookie, not Secure over plain http', async () => {
    const res = await signInThroughForm(n, ' Anna@Example.com ', STAFF_PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/');
    const cookie = res.cookies.find((c) => c.name === 'dl_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.maxAge).toBe(30 * 24 * 3600);
    const account = await n.app.inject({ url: '/admin/account/', headers: { cookie: sessionCookieOf(res)! } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Анна Морозова');
    expect(account.headers['cache-control']).toBe('no-store');
  });

  it('goes back to the page that asked for sign-in, but never off the back office', async () => {
    const form = await anonymousForm(n, '/admin/sign-in?next=%2Fadmin%2Fstaff%2F');
    const res = await postAnonymous(n, form, '/admin/sign-in?next=%2Fadmin%2Fstaff%2F', { email, password: STAFF_PASSWORD });
    expect(res.headers.location).toBe('/admin/staff/');
    const away = await postAnonymous(n, form, '/admin/sign-in?next=%2F%2Fevil.example%2Fadmin%2F', { email, password: STAFF_PASSWORD });
    expect(away.headers.location).toBe('/admin/');
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy, and only then', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const untrusted = await signInThroughForm(n, email, STAFF_PASSWORD, https);
    expect(untrusted.statusCode).toBe(303);
    expect(untrusted.cookies.find((c) => c.name === 'dl_session')!.secure).toBeFalsy();

    const proxied = await createNewsroom(dialect, { env: { TRUST_PROXY: 'on' } });
    try {
      await proxied.services.accounts.createUser({ email, name: 'Анна Морозова', role: 'editor', password: STAFF_PASSWORD });
      const res = await signInThroughForm(proxied, email, STAFF_PASSWORD, https);
      expect(res.statusCode).toBe(303);
      expect(res.cookies.find((c) => c.name === 'dl_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password or an unknown address with the same 401 page, in the site’s language', async () => {
    const wrong = await signInThroughForm(n, email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('text/html');
    expect(wrong.body).toContain('Неверный адрес электронной почты или пароль.');
    expect(wrong.body).not.toContain('The e-mail or the password is wrong');
    expect(sessionCookieOf(wrong)).toBeNull();
    const unknown = await signInThroughForm(n, 'nobody@example.com', STAFF_PASSWORD);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('Неверный адрес электронной почты или пароль.');

    await n.services.settings.set('locale', 'en');
    const english = await signInThroughForm(n, email, 'not-the-password');
    expect(english.statusCode).toBe(401);
    expect(english.body).toContain('The e-mail or the password is wrong.');
  });

  it('backs off after repeated failures, locks the account after ten, and lets it in again 15 minutes later', async () => {
    // Four free failures.
    for (let i = 0; i < 4; i++) expect((await signInThroughForm(n, email, 'wrong-password')).statusCode).toBe(401);
    // The fifth makes the account wait a second: even the right password is refused meanwhile.
    expect((await signInThroughForm(n, email, 'wrong-password')).statusCode).toBe(401);
    const waiting = await signInThroughForm(n, email, STAFF_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.body).toContain('Слишком много неудачных попыток входа. Попробуйте снова через 1 с.');
    expect(sessionCookieOf(waiting)).toBeNull();
    // Each further failure doubles the wait: 1, 2, 4, 8, 16 s; the tenth locks for 15 minutes.
    for (const wait of [1000, 2000, 4000, 8000, 16_000]) {
      later(wait);
      expect((await signInThroughForm(n, email, 'wrong-password')).statusCode).toBe(401);
    }
    const locked = await signInThroughForm(n, email, STAFF_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.body).toContain('Попробуйте снова через 15 мин.');
    later(14 * 60_000);
    expect((await signInThroughForm(n, email, STAFF_PASSWORD)).statusCode).toBe(429);
    later(60_000);
    const back = await signInThroughForm(n, email, STAFF_PASSWORD);
    expect(back.statusCode).toBe(303);
    expect(sessionCookieOf(back)).not.toBeNull();
    const row = await n.db.kysely.selectFrom('users').select(['failed_logins', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('sign-out deletes this session only', async () => {
    const id = await userId();
    const first = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    const second = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    expect(await sessionsOf(id)).toHaveLength(2);
    const csrf = csrfFrom((await n.app.inject({ url: '/admin/account/', headers: { cookie: first } })).body);
    const out = await postForm(n, { userId: id, cookie: first, csrf, headers: { cookie: first, 'sec-fetch-site': 'same-origin' } }, '/admin/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/admin/sign-in');
    expect(out.cookies.find((c) => c.name === 'dl_session')!.value).toBe('');
    expect(await sessionsOf(id)).toHaveLength(1);
    expect((await n.app.inject({ url: '/admin/account/', headers: { cookie: first } })).statusCode).toBe(303);
    expect((await n.app.inject({ url: '/admin/account/', headers: { cookie: second } })).statusCode).toBe(200);
  });

  it('sign-out everywhere deletes every session of the user, and no one else’s', async () => {
    const id = await userId();
    const other = await staffSession(n, 'owner');
    const first = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    const second = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    const csrf = csrfFrom((await n.app.inject({ url: '/admin/account/', headers: { cookie: second } })).body);
    const out = await postForm(n, { userId: id, cookie: second, csrf, headers: { cookie: second, 'sec-fetch-site': 'same-origin' } }, '/admin/sign-out-everywhere', {});
    expect(out.statusCode).toBe(303);
    expect(await sessionsOf(id)).toHaveLength(0);
    for (const cookie of [first, second]) expect((await n.app.inject({ url: '/admin/account/', headers: { cookie } })).headers.location).toMatch(/^\/admin\/sign-in/);
    expect(await sessionsOf(other.userId)).toHaveLength(1);
    expect((await n.app.inject({ url: '/admin/account/', headers: { cookie: other.cookie } })).statusCode).toBe(200);
  });

  it('stops honouring the session cookie of a user who has been disabled', async () => {
    const cookie = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    expect((await n.app.inject({ url: '/admin/', headers: { cookie } })).statusCode).toBe(200);
    await n.db.kysely.updateTable('users').set({ disabled: 1 }).where('email', '=', email).execute();
    const res = await n.app.inject({ url: '/admin/', headers: { cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2F');
    const again = await signInThroughForm(n, email, STAFF_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('Неверный адрес электронной почты или пароль.');
  });

  it('stops honouring a session after 30 days', async () => {
    const cookie = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    later(30 * 24 * 3600_000 - 1000);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie } })).statusCode).toBe(200);
    later(2000);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie } })).statusCode).toBe(303);
  });
});

forEachDialect('two-factor authentication', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  const codeAt = (secret: string, at: Date) => new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
  const wrongCode = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');

  async function turnOn2fa(s: StaffSession): Promise<string> {
    const page = await n.app.inject({ url: '/admin/account/', headers: { cookie: s.cookie } });
    const secret = /<code class="totp-secret">([A-Z2-7]+)<\/code>/.exec(page.body)![1]!;
    expect(page.body).toContain(`otpauth://totp/`);
    const wrong = await postForm(n, s, '/admin/account/2fa', { secret, code: wrongCode(codeAt(secret, n.clock.now)) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Код неверный или уже устарел.');
    const res = await postForm(n, s, '/admin/account/2fa', { secret, code: codeAt(secret, n.clock.now) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/account/');
    const after = await n.app.inject({ url: '/admin/account/', headers: { cookie: s.cookie } });
    expect(after.body).toContain('Двухфакторная аутентификация включена.');
    expect(after.body).not.toContain('totp-secret');
    return secret;
  }

  it('turns on with a code from the shown key; then sign-in waits for the code, refuses a wrong one and lets the right one in', async () => {
    const email = 'editor@example.com';
    const s = await staffSession(n, 'editor', email);
    const secret = await turnOn2fa(s);

    const signIn = await signInThroughForm(n, email, STAFF_PASSWORD);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/admin/sign-in/code?next=%2Fadmin%2F');
    const pending = sessionCookieOf(signIn)!;
    expect(pending).not.toBeNull();

    // A session that waits for the code opens no back-office page.
    for (const url of ['/admin/', '/admin/account/', '/admin/staff/']) {
      const res = await n.app.inject({ url, headers: { cookie: pending } });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/admin/sign-in/code');
    }

    const form = await n.app.inject({ url: '/admin/sign-in/code?next=%2Fadmin%2F', headers: { cookie: pending } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Введите шестизначный код');
    expect(form.body).not.toContain('<nav');
    const session: StaffSession = { userId: s.userId, cookie: pending, csrf: csrfFrom(form.body), headers: { cookie: pending, 'sec-fetch-site': 'same-origin' } };

    n.clock.now = new Date(n.clock.now.getTime() + 90_000);
    const wrong = await postForm(n, session, '/admin/sign-in/code?next=%2Fadmin%2F', { code: wrongCode(codeAt(secret, n.clock.now)) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Код неверный или уже устарел.');
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: pending } })).statusCode).toBe(303);

    const right = await postForm(n, session, '/admin/sign-in/code?next=%2Fadmin%2F', { code: codeAt(secret, n.clock.now) });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/admin/');
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: pending } })).statusCode).toBe(200);

    // The same code cannot open a second session: a code is good once.
    const again = await signInThroughForm(n, email, STAFF_PASSWORD);
    const second = sessionCookieOf(again)!;
    const secondForm = await n.app.inject({ url: '/admin/sign-in/code', headers: { cookie: second } });
    const replay = await postForm(n, { userId: s.userId, cookie: second, csrf: csrfFrom(secondForm.body), headers: { cookie: second, 'sec-fetch-site': 'same-origin' } }, '/admin/sign-in/code', { code: codeAt(secret, n.clock.now) });
    expect(replay.statusCode).toBe(401);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: second } })).statusCode).toBe(303);
  });

  it('lets a session that waits for the code lapse after ten minutes', async () => {
    const email = 'author@example.com';
    await turnOn2fa(await staffSession(n, 'author', email));
    const pending = sessionCookieOf(await signInThroughForm(n, email, STAFF_PASSWORD))!;
    n.clock.now = new Date(n.clock.now.getTime() + 11 * 60_000);
    const res = await n.app.inject({ url: '/admin/sign-in/code', headers: { cookie: pending } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in');
  });

  it('when the owner requires 2FA, sends staff without it to set it up from any admin page', async () => {
    const owner = await staffSession(n, 'owner');
    const author = await staffSession(n, 'author');
    await n.services.settings.set('staffTotpRequired', true);
    for (const [s, url] of [
      [owner, '/admin/'],
      [owner, '/admin/staff/'],
      [author, '/admin/'],
    ] as const) {
      const res = await n.app.inject({ url, headers: { cookie: s.cookie } });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/admin/account/?required=2fa');
    }
    const setup = await n.app.inject({ url: '/admin/account/?required=2fa', headers: { cookie: author.cookie } });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('Владелец сайта требует двухфакторную аутентификацию.');

    await turnOn2fa(author);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: author.cookie } })).statusCode).toBe(200);
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: owner.cookie } })).statusCode).toBe(303);
  });
});
