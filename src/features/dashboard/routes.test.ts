import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { staffSession, type StaffSession } from '../../../test/helpers/admin.js';
import type { ArticleStatus } from '../../storage/schema.js';
import { htmlProblems } from '../../../test/helpers/html.js';

/** The headlines (and view numbers, for tables) of one dashboard panel, in order; null when the panel is absent. */
function panel(html: string, id: string): string[] | null {
  const start = html.indexOf(`id="${id}-title"`);
  if (start === -1) return null;
  const section = html.slice(start, html.indexOf('</section>', start));
  const rows = [...section.matchAll(/<span class="headline"[^>]*>([^<]*)(?:<span class="muted">[^<]*<\/span>)?<\/span>(?:<\/a><\/td><td class="num">([^<]*)<\/td>)?/g)];
  return rows.map((m) => (m[2] === undefined ? m[1]!.trim() : `${m[1]!.trim()}: ${m[2]}`));
}

forEachDialect('dashboard', (dialect) => {
  let n: Newsroom;
  let editor: StaffSession;
  let author: StaffSession;
  let moderator: StaffSession;

  /** A draft moved to a status by hand (the editor's workflow is another slice), created by a user. */
  async function article(headline: string, status: ArticleStatus, createdBy: number, at: Partial<Record<'updated_at' | 'submitted_at' | 'published_at', string>> = {}) {
    const id = await n.services.articles.createDraft({ lang: 'ru', headline, body: { type: 'doc', content: [paragraph('Текст.')] }, authors: [{ authorId: n.ids.author }] });
    await n.db.kysely
      .updateTable('articles')
      .set({ status, created_by: createdBy, ...at })
      .where('id', '=', id)
      .execute();
    return id;
  }

  beforeEach(async () => {
    n = await createNewsroom(dialect); // 2024-04-11 10:54 in Moscow
    editor = await staffSession(n, 'editor');
    author = await staffSession(n, 'author');
    moderator = await staffSession(n, 'moderator');

    await article('Черновик автора', 'draft', author.userId, { updated_at: '2024-04-11T06:00:00.000Z' });
    await article('Черновик редактора', 'draft', editor.userId, { updated_at: '2024-04-11T07:00:00.000Z' });
    await article('Старый черновик', 'draft', editor.userId, { updated_at: '2024-03-01T07:00:00.000Z' });
    await article('На проверке давно', 'review', author.userId, { submitted_at: '2024-04-10T08:00:00.000Z' });
    await article('На проверке недавно', 'review', author.userId, { submitted_at: '2024-04-11T07:00:00.000Z' });
    await article('Выйдет вечером', 'scheduled', author.userId, { published_at: '2024-04-11T16:00:00.000Z' });
    await article('Выйдет днём', 'scheduled', editor.userId, { published_at: '2024-04-11T09:00:00.000Z' });
    await article('Выйдет завтра', 'scheduled', editor.userId, { published_at: '2024-04-12T06:00:00.000Z' });

    const paromy = await publishArticle(n, '2024-04-11T06:00:00Z', { headline: 'Паромы вернулись к графику' });
    const port = await publishArticle(n, '2024-04-09T06:00:00Z', { headline: 'Порт Актау расширяют' });
    const museum = await publishArticle(n, '2024-04-01T06:00:00Z', { headline: 'Музей открылся после ремонта' });
    const withdrawn = await publishArticle(n, '2024-04-10T06:00:00Z', { headline: 'Снятый материал' });
    const english = await publishArticle(n, '2024-04-10T06:00:00Z', { lang: 'en', headline: 'Ferries are back on schedule' });

    // Today's views through the real counter: record, then flush into article_daily_views.
    for (let i = 0; i < 4; i++) await n.services.views.record(paromy, { ip: `10.0.0.${i}`, userAgent: 'Mozilla/5.0' });
    await n.services.views.record(english, { ip: '10.0.0.9', userAgent: 'Mozilla/5.0' });
    await n.services.views.flush();
    // Earlier days, written as the counter would have written them.
    await n.db.kysely
      .insertInto('article_daily_views')
      .values([
        { article_id: port, day: '2024-04-10', views: 1200 }, // yesterday: inside both windows
        { article_id: port, day: '2024-04-11', views: 34 },
        { article_id: museum, day: '2024-04-05', views: 2500 }, // inside 7 days only
        { article_id: museum, day: '2024-04-02', views: 90_000 }, // outside both
        { article_id: withdrawn, day: '2024-04-11', views: 99_999 }, // not published any more
      ])
      .execute();
    await n.services.articles.unpublish(withdrawn);
  });
  afterEach(() => n.close());

  const open = (s: StaffSession) => n.app.inject({ url: '/admin/', headers: { cookie: s.cookie } });

  it('sends an anonymous visitor to sign in', async () => {
    const res = await n.app.inject('/admin/');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2F');
  });

  it('shows an editor the review queue, all drafts, the scheduled queue and the most read with their views', async () => {
    const res = await open(editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1>Сводка</h1>');
    expect(res.body).toContain('aria-current="page"');
    expect(panel(res.body, 'review')).toEqual(['На проверке давно', 'На проверке недавно']);
    expect(panel(res.body, 'drafts')).toEqual(['Черновик редактора', 'Черновик автора', 'Старый черновик']);
    expect(res.body).toMatch(/<a href="\/admin\/articles\/\d+"><span class="headline">Черновик редактора<\/span><\/a>/);
    expect(res.body).toContain('Последние черновики');
    expect(panel(res.body, 'scheduled')).toEqual(['Выйдет днём', 'Выйдет вечером', 'Выйдет завтра']);
    // 12:00 Moscow time, shown in the site's zone with its offset.
    expect(res.body).toContain('<time datetime="2024-04-11T12:00:00+03:00">11.04.2024 12:00</time>');
    // Numbers are grouped the Russian way, with a no-break space.
    expect(panel(res.body, 'most-read-24h')).toEqual(['Порт Актау расширяют: 1\u00a0234', 'Паромы вернулись к графику: 4', 'Ferries are back on schedule: 1']);
    expect(panel(res.body, 'most-read-7d')).toEqual(['Музей открылся после ремонта: 2\u00a0500', 'Порт Актау расширяют: 1\u00a0234', 'Паромы вернулись к графику: 4', 'Ferries are back on schedule: 1']);
    expect(res.body).toContain('<a href="/en/news/ferries-are-back-on-schedule"><span class="headline" lang="en">');
    expect(res.body).not.toContain('Снятый материал');
  });

  it('shows an author only their own drafts and scheduled articles, and no review queue', async () => {
    const res = await open(author);
    expect(res.statusCode).toBe(200);
    expect(panel(res.body, 'review')).toBeNull();
    expect(res.body).toContain('Мои последние черновики');
    expect(panel(res.body, 'drafts')).toEqual(['Черновик автора']);
    expect(panel(res.body, 'scheduled')).toEqual(['Выйдет вечером']);
    expect(panel(res.body, 'most-read-24h')).toHaveLength(3);
  });

  it('shows a moderator the most read only', async () => {
    const res = await open(moderator);
    expect(res.statusCode).toBe(200);
    expect(panel(res.body, 'review')).toBeNull();
    expect(panel(res.body, 'drafts')).toBeNull();
    expect(panel(res.body, 'scheduled')).toBeNull();
    expect(panel(res.body, 'most-read-7d')).toHaveLength(4);
  });

  it('says so when a queue is empty, and moves the windows with the clock', async () => {
    await n.db.kysely.deleteFrom('articles').where('status', 'in', ['draft', 'review', 'scheduled']).execute();
    n.clock.now = new Date('2024-04-13T07:54:00Z'); // two days later: 12–13 April in 24 hours, 6–13 April in 7 days
    const res = await open(editor);
    expect(res.body).toContain('Черновиков нет.');
    expect(res.body).toContain('Проверки ничего не ждёт.');
    expect(res.body).toContain('Запланированных материалов нет.');
    expect(panel(res.body, 'most-read-24h')).toEqual([]);
    expect(res.body).toContain('Просмотров пока нет.');
    expect(panel(res.body, 'most-read-7d')).toEqual(['Порт Актау расширяют: 1\u00a0234', 'Паромы вернулись к графику: 4', 'Ferries are back on schedule: 1']);
  });

  it('speaks the site’s language', async () => {
    await n.services.settings.set('locale', 'en');
    const res = await open(editor);
    expect(res.body).toContain('<h1>Dashboard</h1>');
    expect(res.body).toContain('Most read in 24 hours');
    expect(panel(res.body, 'most-read-24h')).toEqual(['Порт Актау расширяют: 1,234', 'Паромы вернулись к графику: 4', 'Ferries are back on schedule: 1']);
  });

  it('is valid HTML', async () => {
    for (const s of [editor, author, moderator]) {
      expect(await htmlProblems((await open(s)).body)).toEqual([]);
    }
  });
});
