import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

forEachDialect('archive and calendar', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    // "Now" is 11 April 2024, 10:54 in Moscow.
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
  });
  afterEach(() => n.close());

  it('renders a Monday-first month table with linked days, counts and today', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'a1' });
    await publishArticle(n, '2024-04-11T08:00:00Z', { slug: 'a2' });
    await publishArticle(n, '2024-04-02T08:00:00Z', { slug: 'a3' });
    const html = (await n.app.inject('/')).body;
    expect(html).toMatch(/<table><caption><a href="\/2024\/04\/">Апрель 2024<\/a><\/caption>/);
    expect(html).toMatch(/<thead><tr><th scope="col" abbr="понедельник">Пн<\/th>/);
    expect(html).toContain('<a href="/2024/04/02/" aria-label="2 апреля 2024: 1 материал">2</a>');
    expect(html).toContain('<td class="today" aria-current="date"><a href="/2024/04/11/" aria-label="11 апреля 2024: 2 материала (сегодня)">11</a></td>');
    expect(html).toContain('<td>3</td>');
    // 1 April 2024 is a Monday: the first row starts with it, no padding.
    expect(html).toMatch(/<tbody><tr><td>1<\/td>/);
  });

  it('starts the week on Sunday when the site says so', async () => {
    await n.services.settings.set('weekStart', 7);
    const html = (await n.app.inject('/')).body;
    expect(html).toMatch(/<thead><tr><th scope="col" abbr="воскресенье">Вс<\/th>/);
    expect(html).toMatch(/<tbody><tr><td class="empty"><\/td><td>1<\/td>/);
  });

  it('files an article published at 00:30 Moscow time on the 1st under the 1st', async () => {
    await publishArticle(n, '2024-03-31T21:30:00Z', { slug: 'polnoch', headline: 'Полночь' });
    const day = await n.app.inject('/2024/04/01/');
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain('href="/news/polnoch"');
    const before = await n.app.inject('/2024/03/31/');
    expect(before.body).not.toContain('href="/news/polnoch"');
    const march = await n.app.inject('/2024/03/');
    expect(march.body).not.toContain('href="/news/polnoch"');
    expect((await n.app.inject('/2024/04/')).body).toContain('href="/news/polnoch"');
  });

  it('links the previous and next months that have articles, skipping empty ones and never past the newest', async () => {
    await publishArticle(n, '2024-01-15T08:00:00Z', { slug: 'jan' });
    await publishArticle(n, '2024-04-05T08:00:00Z', { slug: 'apr' });
    const april = (await n.app.inject('/')).body;
    expect(april).toContain('<a class="calendar-prev" rel="prev" href="/2024/01/" aria-label="Предыдущий месяц: Январь 2024">');
    expect(april).not.toContain('calendar-next');
    const january = (await n.app.inject('/2024/01/')).body;
    expect(january).toContain('<caption><a href="/2024/01/">Январь 2024</a></caption>');
    expect(january).toContain('<a class="calendar-next" rel="next" href="/2024/04/"');
    expect(january).not.toContain('calendar-prev');
  });

  it('lists day and month archives with pagination', async () => {
    for (let i = 0; i < 14; i++) await publishArticle(n, `2024-04-03T0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}:00Z`, { slug: `s${i}`, headline: `Заметка ${i}` });
    const first = await n.app.inject('/2024/04/03/');
    expect(first.body).toContain('<h1>Материалы за 3 апреля 2024</h1>');
    expect(first.body.match(/class="card"/g)).toHaveLength(12);
    expect(first.body).toContain('<a rel="next" href="/2024/04/03/?page=2">');
    const second = await n.app.inject('/2024/04/03/?page=2');
    expect(second.body.match(/class="card"/g)).toHaveLength(2);
    expect((await n.app.inject('/2024/04/03/?page=3')).statusCode).toBe(404);
    const bad = await n.app.inject('/2024/04/03/?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Номер страницы должен быть целым числом');
  });

  it('answers 404 for impossible dates', async () => {
    expect((await n.app.inject('/2023/02/29/')).statusCode).toBe(404);
    expect((await n.app.inject('/2024/13/')).statusCode).toBe(404);
  });

  it('keeps languages apart in the calendar', async () => {
    await publishArticle(n, '2024-04-05T08:00:00Z', { slug: 'en-only', lang: 'en', headline: 'English only' });
    expect((await n.app.inject('/')).body).not.toContain('href="/2024/04/05/"');
    expect((await n.app.inject('/en/')).body).toContain('<a href="/en/2024/04/05/" aria-label="5 April 2024: 1 article">5</a>');
  });
});
