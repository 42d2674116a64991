import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

forEachDialect('home, rubric, tag and author pages', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  it('puts the Story of the day first on the home page, then the latest and a block per rubric', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'glavnoe', headline: 'Главное за день', rubricIds: [n.ids.rubric, n.ids.flag] });
    await publishArticle(n, '2024-04-11T06:00:00Z', { slug: 'svezhee', headline: 'Свежая новость' });
    const html = (await n.app.inject('/')).body;
    const story = html.indexOf('class="story-of-the-day"');
    expect(story).toBeGreaterThan(0);
    expect(html.indexOf('Главное за день')).toBeGreaterThan(story);
    expect(html.indexOf('Главное за день')).toBeLessThan(html.indexOf('id="latest-heading"'));
    expect(html).toMatch(/id="latest-heading"[^]*Свежая новость/);
    expect(html).toContain('<h2 id="rubric-economy"><a href="/rubric/economy/">Экономика</a></h2>');
  });

  it('lists a rubric, a tag and an author', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', headline: 'Первая', tags: ['Порт Актау'] });
    await publishArticle(n, '2024-04-10T09:00:00Z', { slug: 'two', headline: 'Вторая', rubricIds: [], authors: [] });
    const rubric = (await n.app.inject('/rubric/economy/')).body;
    expect(rubric).toContain('<h1>Экономика</h1>');
    expect(rubric).toContain('Первая');
    expect(rubric).not.toContain('Вторая');
    const tag = (await n.app.inject('/tag/port-aktau/')).body;
    expect(tag).toContain('<h1>Материалы с тегом «Порт Актау»</h1>');
    expect(tag).toContain('Первая');
    const author = (await n.app.inject('/author/anna/')).body;
    expect(author).toContain('<h1>Анна Морозова</h1>');
    expect(author).toContain('Международный обозреватель');
    expect(author).not.toContain('Вторая');
    expect((await n.app.inject('/rubric/net/')).statusCode).toBe(404);
    expect((await n.app.inject('/tag/net/')).statusCode).toBe(404);
  });

  it('shows the English interface under /en', async () => {
    const html = (await n.app.inject('/en/')).body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Latest news');
    expect(html).toContain('href="/en/rubric/economy/">Economy</a>');
  });

  it('switches the whole site to English when its locale changes', async () => {
    await n.services.settings.set('locale', 'en');
    const html = (await n.app.inject('/')).body;
    expect(html).toContain('<html lang="en">');
    expect((await n.app.inject('/en/')).statusCode).toBe(301);
    expect((await n.app.inject('/ru/')).body).toContain('<html lang="ru">');
  });

  it('answers an unknown address with a 404 page a person understands', async () => {
    const res = await n.app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Страница не найдена');
    const api = await n.app.inject('/api/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'There is nothing at this address.' } });
  });
});
