/**
 * The back office in a real browser: an editor signs in with 2FA, writes an article with a captioned
 * photo and schedules it a minute ahead; it appears on time. An author cannot publish; a revision is
 * restored; a renamed slug redirects. Edits of a live article stay off the site until "Обновить на сайте",
 * every workflow button acts on what is on screen, and nothing is lost or withdrawn without asking.
 */
import sharp from 'sharp';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createStaff, E2E_ENABLED, launchChromium, newReader, startServer, type TestServer } from './browser.js';
import { toLocal } from '../../src/lib/time.js';

const PASSWORD = 'caspian-ferry-2024';

describe.skipIf(!E2E_ENABLED)('the newsroom in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await createStaff(server, async (accounts, db) => {
      const morozova = await db.kysely.selectFrom('authors').select('id').where('slug', '=', 'morozova').executeTakeFirstOrThrow();
      await accounts.createUser({ email: 'e2e-editor@example.com', name: 'E2E Editor', role: 'editor', password: PASSWORD, authorId: morozova.id });
      await accounts.createUser({ email: 'e2e-author@example.com', name: 'E2E Author', role: 'author', password: PASSWORD });
      await accounts.createUser({ email: 'e2e-desk@example.com', name: 'E2E Desk', role: 'editor', password: PASSWORD, authorId: morozova.id });
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string, code?: () => string) {
    await page.goto(`${server.url}/admin/`);
    await expect.poll(() => page.url()).toContain('/admin/sign-in');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    if (code) {
      await page.waitForURL(/\/admin\/sign-in\/code/);
      await page.locator('input[name="code"]').fill(code());
      await page.getByRole('button', { name: 'Подтвердить' }).click();
    }
    await page.waitForURL((u) => !u.pathname.startsWith('/admin/sign-in'));
  }

  it('an editor signs in with 2FA, writes an article with a captioned photo and schedules it; it appears on time', async () => {
    const context = await newReader(browser, 'editor');
    const page = await context.newPage();
    await signIn(page, 'e2e-editor@example.com');

    // Turn on two-factor authentication, then sign in again with a code.
    await page.goto(`${server.url}/admin/account/`);
    const secret = (await page.locator('.totp-secret').textContent())!.trim();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.locator('input[name="code"]').fill(totp.generate());
    await page.getByRole('button', { name: 'Включить' }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('Двухфакторная аутентификация включена.');
    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await page.waitForURL(/\/admin\/sign-in/);
    // The code that turned 2FA on is spent; sign in with the next one (the server accepts one step of drift).
    await signIn(page, 'e2e-editor@example.com', () => totp.generate({ timestamp: Date.now() + 30_000 }));

    // Write the article in the rich-text editor.
    await page.goto(`${server.url}/admin/articles/new`);
    const headline = `Новый паромный рейс ${Date.now()}`;
    await page.getByLabel('Заголовок', { exact: true }).fill(headline);
    await page.getByLabel('Лид').fill('Линия свяжет порты двух берегов.');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    const editorUrl = page.url().split('?')[0]!;
    const body = page.locator('.editor-content');
    await body.click();
    await page.keyboard.type('Первый рейс запланирован на утро.');

    // A captioned photo, uploaded from the editor's toolbar into the media library.
    const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 30, g: 90, b: 140 } } }).jpeg().toBuffer();
    const answers = ['Паром у причала в Актау', 'Фото: Dateline', 'Белый паром у бетонного причала'];
    page.on('dialog', (dialog) => void dialog.accept(answers.shift() ?? ''));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Фото', exact: true }).click();
    await (await chooser).setFiles({ name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => body.locator('figure img').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\?saved=1/);

    // Schedule it for the next minute, in the site's time (Moscow).
    const at = new Date(Date.now() + 60_000);
    const local = toLocal(at, 'Europe/Moscow');
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.locator('input[name="publishAt"]').fill(`${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`);
    await page.getByRole('button', { name: 'Запланировать' }).click();
    await page.waitForURL(/\?done=scheduled/);
    await expect.poll(() => page.locator('.workflow .status').textContent()).toBe('Запланирован');

    const reader = await (await newReader(browser, 'scheduled-reader')).newPage();
    await reader.goto(`${server.url}/`);
    expect(await reader.locator('main').textContent()).not.toContain(headline);
    await expect
      .poll(
        async () => {
          await reader.goto(`${server.url}/`);
          return reader.locator('main').textContent();
        },
        { timeout: 100_000, interval: 3000 },
      )
      .toContain(headline);
    // On the calendar: today's cell links to the day archive, which lists it.
    const today = reader.locator('.calendar td[aria-current="date"] a');
    await today.click();
    expect(await reader.locator('main').textContent()).toContain(headline);
    // At its own address, with the photo and its caption.
    await reader.getByRole('link', { name: headline }).first().click();
    await expect.poll(() => reader.locator('h1').textContent()).toBe(headline);
    expect(await reader.locator('.article-body figure figcaption').textContent()).toContain('Паром у причала в Актау');
    expect(await reader.locator('.article-body figure img').getAttribute('alt')).toBe('Белый паром у бетонного причала');
    await reader.context().close();

    // A revision is restored (the article is live now, so saves go to its working copy).
    await page.goto(editorUrl);
    await page.getByLabel('Заголовок', { exact: true }).fill(`${headline} (правка)`);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\?done=pending/);
    await page.goto(`${editorUrl}/revisions`);
    expect(await page.locator('.diff').textContent()).toContain('(правка)');
    await page.getByRole('button', { name: 'Восстановить эту версию' }).last().click();
    await page.waitForURL(/\?restored=1/);
    expect(await page.locator('.notice').first().textContent()).toContain('Версия восстановлена.');
    expect(await page.getByLabel('Заголовок', { exact: true }).inputValue()).toBe(headline);

    // A renamed slug, once on the site, redirects the old address.
    const oldSlug = await page.locator('input[name="slug"]').inputValue();
    await page.locator('input[name="slug"]').fill('novyy-paromnyy-reys');
    await page.getByRole('button', { name: 'Обновить на сайте' }).click();
    await page.waitForURL(/\?done=published/);
    const res = await fetch(`${server.url}/news/${oldSlug}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/news/novyy-paromnyy-reys');
    await context.close();
  }, 180_000);

  it('an author writes a draft but cannot publish it', async () => {
    const context = await newReader(browser, 'author');
    const page = await context.newPage();
    await signIn(page, 'e2e-author@example.com');
    await page.goto(`${server.url}/admin/articles/new`);
    await page.getByLabel('Заголовок', { exact: true }).fill('Заметка автора');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    // The draft saves itself while the author types.
    await page.locator('.editor-content').click();
    await page.keyboard.type('Текст, который сохранится сам.');
    await expect.poll(() => page.locator('[data-autosave-status]').textContent(), { timeout: 20_000 }).toContain('Автосохранение в');
    await page.reload();
    expect(await page.locator('.editor-content').textContent()).toContain('Текст, который сохранится сам.');
    expect(await page.getByRole('button', { name: 'Опубликовать сейчас' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Отправить на проверку' }).count()).toBe(1);
    // Even a hand-made request is refused by the service.
    const id = /\/admin\/articles\/(\d+)/.exec(page.url())![1];
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const status = await page.evaluate(
      async ({ id, csrf }) => (await fetch(`/admin/articles/${id}/workflow`, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, action: 'publish' }), redirect: 'manual' })).status,
      { id, csrf },
    );
    expect(status).toBe(403);
    await context.close();
  }, 60_000);

  it('keeps a live article’s edits off the site until “Обновить на сайте”, acts on the screen, and asks before losing or withdrawing anything', async () => {
    const context = await newReader(browser, 'desk');
    const page = await context.newPage();
    await signIn(page, 'e2e-desk@example.com');
    const publicText = async (slug: string) => {
      const res = await fetch(`${server.url}/news/${slug}`);
      return { status: res.status, text: await res.text() };
    };

    // A draft's lead changed and "Опубликовать сейчас" pressed at once: the changed lead is what goes live.
    await page.goto(`${server.url}/admin/articles/new`);
    const headline = `Рабочая копия ${Date.now()}`;
    await page.getByLabel('Заголовок', { exact: true }).fill(headline);
    await page.getByLabel('Лид').fill('Первый лид.');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    const slug = await page.locator('input[name="slug"]').inputValue();
    await page.getByLabel('Лид').fill('Лид, исправленный перед публикацией.');
    await page.getByRole('button', { name: 'Опубликовать сейчас' }).click();
    await page.waitForURL(/\?done=published/);
    expect(await page.locator('.notice').first().textContent()).toContain('Опубликовано');
    expect((await publicText(slug)).text).toContain('Лид, исправленный перед публикацией.');

    // Typing into the published headline and waiting past the autosave leaves the public page as it was.
    await page.getByLabel('Заголовок', { exact: true }).fill(`${headline} — недописанная правка`);
    await expect.poll(() => page.locator('[data-autosave-status]').textContent(), { timeout: 20_000 }).toContain('Автосохранение в');
    expect(await page.locator('[data-pending-notice]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Отменить изменения' }).isVisible()).toBe(true);
    const meanwhile = await publicText(slug);
    expect(meanwhile.text).toContain(headline);
    expect(meanwhile.text).not.toContain('недописанная правка');

    // Reopened, the editor brings the working copy back, with a notice; "Обновить на сайте" makes it public.
    await page.goto(page.url().split('?')[0]!);
    expect(await page.getByLabel('Заголовок', { exact: true }).inputValue()).toBe(`${headline} — недописанная правка`);
    expect(await page.locator('.notice').first().textContent()).toContain('Открыты неопубликованные изменения');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), 'axe on the editor of a live article').toEqual([]);
    await page.getByRole('button', { name: 'Обновить на сайте' }).click();
    await page.waitForURL(/\?done=published/);
    expect((await publicText(slug)).text).toContain('недописанная правка');

    // "Снять с публикации" without confirming leaves the article public.
    const dismissed: string[] = [];
    page.once('dialog', (dialog) => {
      dismissed.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Снять с публикации' }).click();
    await expect.poll(() => dismissed).toEqual(['confirm']);
    expect(page.url()).toMatch(/\?done=published/);
    expect((await publicText(slug)).status).toBe(200);

    // Leaving right after typing asks first: on the back office's own links, and on any other way out.
    await page.getByLabel('Лид').fill('Ещё не сохранено.');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.locator('a[href="/admin/articles/"]').first().click();
    await expect.poll(() => asked).toEqual(['confirm']);
    expect(page.url()).toMatch(/\/admin\/articles\/\d+/);
    expect(await page.getByLabel('Лид').inputValue()).toBe('Ещё не сохранено.');
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(`${server.url}/admin/`);
    expect(asked).toEqual(['confirm', 'beforeunload']);
    await context.close();
  }, 120_000);

  it('passes axe on the sign-in page, the dashboard, the article list and the editor', async () => {
    const context = await newReader(browser, 'axe-editor');
    const page = await context.newPage();
    const audit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = bad.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
      expect(report, `serious or critical axe violations on ${path}`).toEqual([]);
    };
    await audit('/admin/sign-in');
    await signIn(page, 'e2e-author@example.com');
    for (const path of ['/admin/', '/admin/articles/', '/admin/articles/new', '/admin/media/']) await audit(path);
    await context.close();
  }, 60_000);
});
