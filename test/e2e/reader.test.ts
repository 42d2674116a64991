/**
 * A reader's journeys through the demo newsroom in real headless Chromium: the home page, an article,
 * the views counter, the archive calendar, the English site, and an accessibility audit with axe.
 * Runs only with DATELINE_E2E=1 (one server and one browser for the whole file).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '../../src/demo/loader.js';
import { monthName } from '../../src/lib/i18n.js';
import { E2E_ENABLED, launchChromium, newReader, startServer, type TestServer } from './browser.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the site's zone (the demo newsroom uses Europe/Moscow). */
function moscowToday(): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function demoSlug(description: string, predicate: (a: (typeof DEMO_ARTICLES)[number]) => boolean): string {
  const found = DEMO_ARTICLES.find((a) => a.lang === 'ru' && predicate(a));
  if (!found) throw new Error(`The demo content has no Russian article that ${description}.`);
  return found.slug;
}

/** A Russian demo article without tags. */
const untaggedSlug = demoSlug('has no tags', (a) => a.tags.length === 0);
/** A Russian demo article that no other journey here opens, so its views start from zero. */
const freshSlug = demoSlug('is old, tagged and not a story of the day', (a) => !a.storyOfTheDay && a.tags.length > 0 && a.daysAgo >= 40);

describe.skipIf(!E2E_ENABLED)('a reader in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let readers = 0;

  /** A page in a fresh context with its own user agent: to the server, a different reader. */
  async function openReader(): Promise<{ context: BrowserContext; page: Page }> {
    const ctx = await newReader(browser, `reader-${++readers}`);
    return { context: ctx, page: await ctx.newPage() };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    context = await newReader(browser, 'main');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('opens the home page with its story of the day, latest news, calendar and channels', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('h1').count()).toBe(1);

    const story = page.locator('section.story-of-the-day');
    expect(await story.locator('h2').textContent()).toBe('Материал дня');
    expect(await story.locator('article.card h3 a').count()).toBe(1);

    const latest = page.locator('section.latest');
    expect(await latest.locator('h2').textContent()).toBe('Последние новости');
    expect(await latest.locator('.article-list > li').count()).toBeGreaterThanOrEqual(5);

    const today = moscowToday();
    const calendar = page.locator('.calendar table');
    expect((await calendar.locator('caption').textContent())?.trim()).toBe(`${monthName('ru', today.month)} ${today.year}`);
    const weekdays = await calendar.locator('thead th[scope="col"]').allTextContents();
    expect(weekdays).toHaveLength(7);
    expect(weekdays[0]).toBe('Пн');
    const todayCell = calendar.locator('td[aria-current="date"]');
    expect(await todayCell.count()).toBe(1);
    expect((await todayCell.textContent())?.trim()).toBe(String(today.day));

    const channels = page.locator('footer .channels');
    expect(await channels.locator('h2').textContent()).toBeTruthy();
    const telegram = channels.locator('a[data-network="telegram"]');
    expect(await telegram.textContent()).toContain('Telegram');
    expect(await telegram.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await channels.locator('a').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('opens the story of the day from the home page and finds everything an article has', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}/`);
    const link = page.locator('section.story-of-the-day article.card h3 a');
    const headline = (await link.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/news\/[a-z0-9-]+$/), link.click()]);

    const article = page.locator('main article.article');
    expect(await page.locator('h1').count()).toBe(1);
    expect((await article.locator('h1').textContent())?.trim()).toBe(headline);
    await expect.poll(() => page.title()).toContain(headline);

    const author = article.locator('.byline a.author[rel="author"]');
    expect(await author.count()).toBeGreaterThanOrEqual(1);
    expect(await author.first().getAttribute('href')).toMatch(/^\/author\/[a-z0-9-]+\/$/);
    expect((await article.locator('.byline .author-role').first().textContent())?.trim()).toBeTruthy();

    expect((await article.locator('.dateline').textContent())?.trim()).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d \(мск\), .+/);
    expect(await article.locator('.dateline time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);

    const rubrics = await article.locator('ul.rubrics li a').allTextContents();
    expect(rubrics).toContain('Материал дня');
    expect(rubrics.length).toBeGreaterThanOrEqual(2);

    expect((await article.locator('p.lead').textContent())?.trim()).toBeTruthy();
    const figure = article.locator('.article-body figure');
    expect(await figure.count()).toBeGreaterThanOrEqual(1);
    expect((await figure.first().locator('figcaption').textContent())?.trim()).toBeTruthy();
    expect(await figure.first().locator('img').getAttribute('alt')).toBeTruthy();
    // The illustration really loads from /media/.
    await expect.poll(() => figure.first().locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 5000 }).toBe(true);
    expect(await article.locator('.article-body blockquote').count()).toBeGreaterThanOrEqual(1);

    const tags = article.locator('p.tags');
    expect(await tags.count()).toBe(1);
    expect(await tags.textContent()).toMatch(/^Теги: /);
    expect(await tags.locator('a[rel="tag"]').count()).toBeGreaterThanOrEqual(1);

    const hint = article.locator('[data-error-report]');
    expect(await hint.count()).toBe(1);
    expect(await hint.textContent()).toContain('Ctrl+Enter');
    expect(await article.locator('section.comment-rules h2').textContent()).toBe('Правила комментирования');
    expect(await article.locator('section.comment-rules p').count()).toBeGreaterThanOrEqual(1);

    expect(await article.locator('section.related h2').textContent()).toBe('Читайте также');
    expect(await article.locator('section.related .article-list > li').count()).toBeGreaterThanOrEqual(1);
    const around = article.locator('nav.prev-next a[rel="prev"], nav.prev-next a[rel="next"]');
    expect(await around.count()).toBeGreaterThanOrEqual(1);
    for (const href of await around.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/news\/[a-z0-9-]+$/);

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
    expect(jsonLd['@type']).toBe('NewsArticle');
    expect(jsonLd.headline).toBe(headline);
    expect(jsonLd.datePublished).toMatch(/\+03:00$/);

    // The stylesheet and script load under the site's Content-Security-Policy, with no errors on the way.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
    await page.locator('[data-views-counted="true"]').waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the tags line out of an article without tags', async () => {
    const page = await context.newPage();
    expect((await page.goto(`${server.url}/news/${untaggedSlug}`))?.status()).toBe(200);
    const article = page.locator('main article.article');
    expect(await article.locator('h1').count()).toBe(1);
    expect(await page.locator('.tags').count()).toBe(0);
    expect(await page.locator('a[rel="tag"]').count()).toBe(0);
    expect(await article.innerText()).not.toContain('Теги');
    // The rest of the footer is still there.
    expect(await article.locator('[data-error-report]').count()).toBe(1);
    await page.close();
  });

  it('counts a view once per reader and shows the fresh number', async () => {
    const url = `${server.url}/news/${freshSlug}`;
    // The count before anyone read it, from the page as served (no script runs for a plain request).
    const served = await (await fetch(url)).text();
    const before = Number(/<span class="views"[^>]*>(\d+)/.exec(served)?.[1]);
    expect(before).toBe(0);

    const counted = async (page: Page) => {
      const el = page.locator('[data-views-for][data-views-counted="true"]');
      await el.waitFor({ timeout: 5000 });
      return (await el.textContent())?.trim();
    };

    const first = await openReader();
    await first.page.goto(url);
    expect(await counted(first.page)).toBe('1 просмотр');
    // A reload by the same reader is not a new view.
    await first.page.reload();
    expect(await counted(first.page)).toBe('1 просмотр');
    await first.context.close();

    // Another reader (another user agent) counts again.
    const second = await openReader();
    await second.page.goto(url);
    expect(await counted(second.page)).toBe('2 просмотра');
    await second.context.close();
  });

  it('walks the archive calendar to the previous month and into a day', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const today = moscowToday();
    const previous = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };

    await Promise.all([page.waitForURL(`${server.url}/${previous.year}/${pad(previous.month)}/`), page.locator('.calendar-prev').click()]);
    expect(new URL(page.url()).pathname).toMatch(/^\/\d{4}\/\d\d\/$/);
    expect((await page.locator('.calendar caption').textContent())?.trim()).toBe(`${monthName('ru', previous.month)} ${previous.year}`);
    expect(await page.locator('h1').textContent()).toContain(String(previous.year));

    const dayLink = page.locator('.calendar td a').first();
    const day = Number((await dayLink.textContent())?.trim());
    expect(day).toBeGreaterThanOrEqual(1);
    await Promise.all([page.waitForURL(`${server.url}/${previous.year}/${pad(previous.month)}/${pad(day)}/`), dayLink.click()]);

    expect((await page.locator('h1').textContent())?.trim()).toMatch(/^Материалы за /);
    expect(await page.locator('main .article-list > li').count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('shows the English site under /en/', async () => {
    const page = await context.newPage();
    expect((await page.goto(`${server.url}/en/`))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('section.latest h2').textContent()).toBe('Latest news');
    expect(await page.locator('section.story-of-the-day h2').textContent()).toBe('Story of the day');
    expect(await page.locator('.calendar thead th').first().textContent()).toBe('Mon');
    expect(await page.locator('a.lang-switch').getAttribute('href')).toBe('/');
    await page.close();
  });

  describe('accessibility (axe)', () => {
    async function audit(path: string, status: number) {
      const page = await context.newPage();
      try {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status()).toBe(status);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const report = bad.map((v) => `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary ?? ''}`).join('\n')}`);
        if (report.length > 0) console.error(`axe on ${path}:\n${report.join('\n')}`);
        expect(report, `serious or critical axe violations on ${path}`).toEqual([]);
      } finally {
        await page.close();
      }
    }

    it('home page', () => audit('/', 200));

    it('article page', async () => {
      const story = demoSlug('is a story of the day', (a) => a.storyOfTheDay === true && a.daysAgo === 0);
      await audit(`/news/${story}`, 200);
    });

    it('day archive', async () => {
      const t = moscowToday();
      await audit(`/${t.year}/${pad(t.month)}/${pad(t.day)}/`, 200);
    });

    it('404 page', () => audit('/no-such-page', 404));
  });
});
