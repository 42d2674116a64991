/**
 * The "Translation of" picker in a real browser: an author types part of an English headline, picks the
 * suggestion, saves, and the editor shows the link with the original's headline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createStaff, E2E_ENABLED, launchChromium, newReader, startServer, type TestServer } from './browser.js';

const PASSWORD = 'caspian-ferry-2024';
const ORIGINAL = 'More ferry sailings planned between Alat and the Kazakh coast';

describe.skipIf(!E2E_ENABLED)('the translation picker in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await createStaff(server, async (accounts) => {
      await accounts.createUser({ email: 'e2e-author@example.com', name: 'E2E Author', role: 'author', password: PASSWORD });
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the original as one types, and links the translation to the suggestion picked', async () => {
    const context = await newReader(browser, 'author');
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('e2e-author@example.com');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/admin/sign-in'));

    await page.goto(`${server.url}/admin/articles/new`);
    await page.getByLabel('Заголовок', { exact: true }).fill('Паромов между Алятом и казахским берегом станет больше');
    // The list of suggestions shows only once there is something in it.
    expect(await page.locator('[data-translation-options]').isVisible()).toBe(false);
    await page.getByLabel('Найти оригинал по заголовку').pressSequentially('FERRY SAIL', { delay: 30 });
    const suggestions = page.getByRole('listbox', { name: 'Найденные материалы' });
    await expect.poll(() => suggestions.locator('option').allTextContents()).toEqual([expect.stringContaining(ORIGINAL)]);
    await suggestions.selectOption({ index: 0 });
    const id = await page.getByLabel('Номер оригинала (пусто — нет)').inputValue();
    expect(id).toMatch(/^\d+$/);
    // Enter in the search field searches again; it does not leave the page with the article unsaved.
    await page.getByLabel('Найти оригинал по заголовку').press('Enter');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/admin/articles/new');
    expect(await page.getByLabel('Номер оригинала (пусто — нет)').inputValue()).toBe(id);

    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    await expect.poll(() => page.locator('[data-translation-linked]').textContent()).toBe(`Сейчас перевод материала: [en] ${ORIGINAL} (№${id})`);
    await context.close();
  }, 60_000);
});
