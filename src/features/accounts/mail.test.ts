/**
 * Password reset and invitations end to end: the route enqueues a mail, the outbox delivers it to a real
 * SMTP server on loopback, and the link in the mail is followed through the back office.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import { anonymousForm, postAnonymous, postForm, sessionCookieOf, signInThroughForm, staffSession, STAFF_PASSWORD } from '../../../test/helpers/admin.js';
import { linkIn, startSmtpServer, type SmtpSink } from '../../../test/helpers/smtp.js';

const NEW_PASSWORD = 'volga-delta-sturgeon';

forEachDialect('account e-mails over SMTP', (dialect) => {
  let n: Newsroom;
  let smtp: SmtpSink;
  beforeEach(async () => {
    smtp = await startSmtpServer();
    n = await createNewsroom(dialect, { env: { SMTP_URL: smtp.url, MAIL_FROM: 'Dateline <newsroom@dateline.test>' } });
  });
  afterEach(async () => {
    await n.close();
    n.services.mailer.close();
    await smtp.close();
  });

  const later = (ms: number) => {
    n.clock.now = new Date(n.clock.now.getTime() + ms);
  };
  const outbox = () => n.db.kysely.selectFrom('outbox').selectAll().orderBy('id').execute();

  async function askForReset(email: string) {
    const form = await anonymousForm(n, '/admin/forgot');
    const res = await postAnonymous(n, form, '/admin/forgot', { email });
    expect(res.statusCode).toBe(200);
    return res;
  }

  /** Delivers the outbox and returns the path of the link in the one new mail. */
  async function deliveredLink(to: string): Promise<string> {
    const before = smtp.messages.length;
    expect(await n.services.outbox.runOnce()).toBe(1);
    expect(smtp.messages).toHaveLength(before + 1);
    const mail = smtp.messages[before]!;
    expect(mail.to).toBe(to);
    return new URL(linkIn(mail.text)).pathname;
  }

  it('“forgot password” enqueues a mail that the outbox delivers over SMTP; its link resets the password once and signs out everywhere', async () => {
    const email = 'anna@example.com';
    const s = await staffSession(n, 'editor', email);
    const res = await askForReset('  ANNA@example.com ');
    expect(res.body).toContain('Если к адресу привязана учётная запись, письмо со ссылкой уже в пути.');

    const queued = await outbox();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'mail', attempts: 0, done_at: null });
    expect(smtp.messages).toHaveLength(0);

    const path = await deliveredLink(email);
    const mail = smtp.messages[0]!;
    expect(mail.envelope).toEqual({ from: 'newsroom@dateline.test', to: [email] });
    expect(mail.from).toBe('Dateline <newsroom@dateline.test>');
    expect(mail.subject).toBe('Dateline: сброс пароля');
    expect(mail.text).toContain('откройте ссылку в течение часа');
    expect(path).toMatch(/^\/admin\/reset\/[A-Za-z0-9_-]{43}$/);
    expect((await outbox())[0]!.done_at).not.toBeNull();

    const page = await n.app.inject(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(email);
    const form = await anonymousForm(n, path);
    const short = await postAnonymous(n, form, path, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Пароль должен быть не короче 10 символов.');

    const set = await postAnonymous(n, form, path, { password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('Пароль задан. Войдите с ним.');
    // Signed out everywhere: the session from before the reset is gone.
    expect((await n.app.inject({ url: '/admin/', headers: { cookie: s.cookie } })).statusCode).toBe(303);
    expect(await n.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', s.userId).execute()).toEqual([]);

    expect((await signInThroughForm(n, email, STAFF_PASSWORD)).statusCode).toBe(401);
    const signedIn = await signInThroughForm(n, email, NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(303);
    expect(sessionCookieOf(signedIn)).not.toBeNull();

    // The link works once.
    const again = await n.app.inject(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ссылка устарела или уже использована. Попросите новую.');
    const reuse = await postAnonymous(n, form, path, { password: 'another-long-password' });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.body).toContain('Ссылка устарела или уже использована.');
    expect((await signInThroughForm(n, email, NEW_PASSWORD)).statusCode).toBe(303);
  });

  it('the reset link expires after an hour', async () => {
    const email = 'rustam@example.com';
    await n.services.accounts.createUser({ email, name: 'Рустам Алиев', role: 'author', password: STAFF_PASSWORD });
    await askForReset(email);
    const path = await deliveredLink(email);
    later(59 * 60_000);
    expect((await n.app.inject(path)).statusCode).toBe(200);
    const form = await anonymousForm(n, path);
    later(2 * 60_000);
    expect((await n.app.inject(path)).statusCode).toBe(410);
    const res = await postAnonymous(n, form, path, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Ссылка устарела или уже использована.');
    expect((await signInThroughForm(n, email, STAFF_PASSWORD)).statusCode).toBe(303);
  });

  it('gives an unknown or disabled address the same answer, and sends no mail', async () => {
    await n.services.accounts.createUser({ email: 'anna@example.com', name: 'Анна', role: 'editor', password: STAFF_PASSWORD });
    await n.services.accounts.createUser({ email: 'gone@example.com', name: 'Бывший', role: 'author', password: STAFF_PASSWORD });
    await n.db.kysely.updateTable('users').set({ disabled: 1 }).where('email', '=', 'gone@example.com').execute();
    const form = await anonymousForm(n, '/admin/forgot');
    const known = await postAnonymous(n, form, '/admin/forgot', { email: 'anna@example.com' });
    await n.db.kysely.deleteFrom('outbox').execute();
    const unknown = await postAnonymous(n, form, '/admin/forgot', { email: 'nobody@example.com' });
    const disabled = await postAnonymous(n, form, '/admin/forgot', { email: 'gone@example.com' });
    for (const res of [unknown, disabled]) {
      expect(res.statusCode).toBe(known.statusCode);
      expect(res.body).toBe(known.body);
    }
    expect(await outbox()).toEqual([]);
    expect(await n.services.outbox.runOnce()).toBe(0);
    expect(smtp.messages).toEqual([]);
  });

  it('an owner’s invitation mails a link that lets the invitee choose a password and sign in with the invited role', async () => {
    const owner = await staffSession(n, 'owner');
    const email = 'kim@example.com';
    const res = await postForm(n, owner, '/admin/staff/invite', { name: 'Ирина Ким', email, role: 'editor' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Приглашение отправлено.');
    expect(res.body).toContain('приглашён, ещё не вошёл');
    // Until the invitation is accepted, there is no password to sign in with.
    expect((await signInThroughForm(n, email, '')).statusCode).toBe(401);

    const path = await deliveredLink(email);
    const mail = smtp.messages[0]!;
    expect(mail.subject).toBe('Dateline: приглашение в редакцию');
    expect(mail.text).toContain('Test owner приглашает вас в редакцию «Dateline» (роль: редактор)');
    expect(path).toMatch(/^\/admin\/invite\/[A-Za-z0-9_-]{43}$/);

    const page = await n.app.inject(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Присоединиться к редакции');
    expect(page.body).toContain('Ирина Ким');
    const form = await anonymousForm(n, path);
    const accepted = await postAnonymous(n, form, path, { password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('Пароль задан.');
    expect((await n.app.inject(path)).statusCode).toBe(410);

    const signedIn = await signInThroughForm(n, email, NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(303);
    const cookie = sessionCookieOf(signedIn)!;
    const dashboard = await n.app.inject({ url: '/admin/', headers: { cookie } });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Ждут проверки'); // the editors' panel
    expect((await n.app.inject({ url: '/admin/staff/', headers: { cookie } })).statusCode).toBe(403);
    const row = await n.db.kysely.selectFrom('users').select(['role', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'editor', name: 'Ирина Ким' });
  });

  it('refuses an invitation from anyone but the owner, and a taken address with a reason in the site’s language', async () => {
    for (const role of ['editor', 'author', 'moderator'] as const) {
      const s = await staffSession(n, role);
      const res = await postForm(n, s, '/admin/staff/invite', { name: 'Чужой', email: `invited-by-${role}@example.com`, role: 'owner' });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).toContain('Нет доступа');
    }
    expect(await n.db.kysely.selectFrom('users').select('id').where('email', 'like', 'invited-by-%').execute()).toEqual([]);
    expect(await outbox()).toEqual([]);

    const owner = await staffSession(n, 'owner', 'owner@example.com');
    const taken = await postForm(n, owner, '/admin/staff/invite', { name: 'Двойник', email: 'OWNER@example.com', role: 'author' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Учётная запись с этим адресом уже есть.');
    const badRole = await postForm(n, owner, '/admin/staff/invite', { name: 'Читатель', email: 'reader@example.com', role: 'reader' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain('Такой роли нет.');
    const badEmail = await postForm(n, owner, '/admin/staff/invite', { name: 'Без адреса', email: 'not-an-address', role: 'author' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('Это не похоже на адрес электронной почты.');
    expect(await outbox()).toEqual([]);
  });
});
