import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

forEachDialect('article page', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  async function fullArticle(tags: string[] = ['Каспий', 'паромы']) {
    return publishArticle(n, '2024-04-11T07:54:00Z', {
      slug: 'paromy',
      headline: 'Паромы <вернулись> к графику',
      lead: 'Движение через Каспий восстановлено.',
      city: 'Актау',
      authors: [{ authorId: n.ids.author, role: 'Международный обозреватель' }],
      rubricIds: [n.ids.rubric, n.ids.flag],
      tags,
      coverImageId: n.ids.image,
      body: {
        type: 'doc',
        content: [
          paragraph('Первый абзац.'),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Очередь' }] },
          { type: 'blockquote', attrs: { cite: 'диспетчер' }, content: [paragraph('Это обычное дело.')] },
          { type: 'figure', attrs: { imageId: n.ids.image, caption: 'Паром у причала', credit: 'Фото: Dateline', alt: 'Белый паром' } },
        ],
      },
    });
  }

  it('answers /healthz, saying whether events reach it from other nodes', async () => {
    const res = await n.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, events: 'off' });
    await n.services.relay.start();
    expect((await n.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true, events: 'listening' });
    await n.services.relay.close();
  });

  it('shows every element a reader expects', async () => {
    const id = await fullArticle();
    await n.services.settings.set('channels', [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/example' }]);
    const res = await n.app.inject('/news/paromy');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Паромы &lt;вернулись&gt; к графику</h1>');
    expect(html).toMatch(/<a class="author" rel="author" href="\/author\/anna\/">Анна Морозова<\/a><span class="author-role">Международный обозреватель<\/span>/);
    expect(html).toContain('<time datetime="2024-04-11T10:54:00+03:00">11.04.2024 10:54 (мск)</time><span class="dateline-city">, Актау</span>');
    expect(html).toContain(`data-views-for="${id}"`);
    expect(html).toContain('0 просмотров');
    expect(html).toContain('<li class="flag"><a href="/rubric/story-of-the-day/">Материал дня</a></li>');
    expect(html).toContain('<a href="/rubric/economy/">Экономика</a>');
    expect(html).toContain('<p class="lead">Движение через Каспий восстановлено.</p>');
    expect(html).toContain('<h2>Очередь</h2>');
    expect(html).toContain('<blockquote><p>Это обычное дело.</p><footer class="quote-source">диспетчер</footer></blockquote>');
    expect(html).toMatch(/<figure class="photo"><img src="\/media\/test\/port.svg" width="1200" height="800" alt="Белый паром"[^>]*><figcaption><span class="caption">Паром у причала<\/span> <span class="credit">Фото: Dateline<\/span><\/figcaption><\/figure>/);
    expect(html).toContain('Теги: <a href="/tag/kaspiy/" rel="tag">Каспий</a>, <a href="/tag/paromy/" rel="tag">паромы</a>');
    expect(html).toContain('<a class="channel channel-telegram" href="https://t.me/example"');
    expect(html).toContain(`data-error-report="${id}"`);
    expect(html).toContain('Выделите её и нажмите Ctrl+Enter');
    expect(html).toContain('Правила комментирования');
    expect(html).toContain('Ссылки на сторонние ресурсы запрещены.');
  });

  it('leaves the tags line out entirely when there are no tags', async () => {
    await fullArticle([]);
    const html = (await n.app.inject('/news/paromy')).body;
    expect(html).not.toContain('class="tags"');
    expect(html).not.toContain('Теги');
  });

  it('carries JSON-LD NewsArticle and OpenGraph tags', async () => {
    await fullArticle();
    // Absolute URLs come from the site's own address (here the default, localhost:3000), never from the request's Host.
    const html = (await n.app.inject({ url: '/news/paromy', headers: { host: 'news.example' } })).body;
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Паромы <вернулись> к графику',
      datePublished: '2024-04-11T10:54:00+03:00',
      dateModified: '2024-04-11T10:54:00+03:00',
      author: [{ '@type': 'Person', name: 'Анна Морозова', jobTitle: 'Международный обозреватель' }],
      articleSection: ['Экономика'],
      keywords: ['Каспий', 'паромы'],
      image: ['http://localhost:3000/media/test/port.svg'],
      publisher: { '@type': 'Organization', name: 'Dateline' },
    });
    expect(html).not.toMatch(/<script type="application\/ld\+json">[^]*<вернулись>/);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:url" content="http://localhost:3000/news/paromy">');
    expect(html).toContain('<meta property="article:published_time" content="2024-04-11T10:54:00+03:00">');
  });

  it('shows an "updated" time after an edit made after publication', async () => {
    const id = await fullArticle();
    n.clock.now = new Date('2024-04-11T09:30:00Z');
    await n.services.articles.update(id, { lead: 'Уточнённый лид.' });
    await n.services.articles.publishChanges(id);
    const html = (await n.app.inject('/news/paromy')).body;
    expect(html).toContain('Обновлено: <time datetime="2024-04-11T12:30:00+03:00">11.04.2024 12:30 (мск)</time>');
    expect(html).toContain('Уточнённый лид.');
  });

  it('links related articles from the same rubric and previous/next', async () => {
    await publishArticle(n, '2024-04-10T07:00:00Z', { slug: 'ranshe', headline: 'Раньше' });
    await fullArticle();
    await publishArticle(n, '2024-04-12T07:00:00Z', { slug: 'pozzhe', headline: 'Позже', rubricIds: [] });
    const html = (await n.app.inject('/news/paromy')).body;
    expect(html).toMatch(/<a rel="prev" href="\/news\/ranshe">.*Раньше<\/a>/);
    expect(html).toMatch(/<a rel="next" href="\/news\/pozzhe">.*Позже<\/a>/);
    expect(html).toMatch(/<section class="related"[^]*href="\/news\/ranshe"/);
  });

  it('links translations and serves the English version under /en', async () => {
    const ru = await fullArticle();
    await publishArticle(n, '2024-04-11T08:10:00Z', { lang: 'en', slug: 'ferries', headline: 'Ferries are back', translationOf: ru, authors: [{ authorId: n.ids.author }] });
    const en = await n.app.inject('/en/news/ferries');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Anna Morozova</a><span class="author-role">International columnist</span>');
    expect(en.body).toContain('11.04.2024 11:10 (Moscow time)');
    expect(en.body).toContain('href="/news/paromy" hreflang="ru"');
    expect(en.body).toContain('0 views');
    const ruPage = await n.app.inject('/news/paromy');
    expect(ruPage.body).toContain('href="/en/news/ferries" hreflang="en"');
  });

  it('redirects an old slug and the site-language prefix with 301', async () => {
    const id = await fullArticle();
    await n.services.articles.update(id, { slug: 'paromy-snova' });
    await n.services.articles.publishChanges(id);
    const old = await n.app.inject('/news/paromy');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/news/paromy-snova');
    const prefixed = await n.app.inject('/ru/news/paromy-snova');
    expect(prefixed.statusCode).toBe(301);
    expect(prefixed.headers.location).toBe('/news/paromy-snova');
  });

  it('answers 404 for an unknown or unpublished draft, and 410 for a withdrawn article, in words', async () => {
    const id = await fullArticle();
    const missing = await n.app.inject('/news/net-takoy');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Страница не найдена');
    const draft = await n.services.articles.createDraft({ lang: 'ru', slug: 'chernovik', headline: 'Черновик', body: { type: 'doc', content: [] } });
    expect(draft).toBeGreaterThan(0);
    expect((await n.app.inject('/news/chernovik')).statusCode).toBe(404);
    await n.services.articles.unpublish(id);
    const gone = await n.app.inject('/news/paromy');
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Материал снят с публикации');
    expect((await n.app.inject('/news/Bad Slug!')).statusCode).toBe(404);
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    await fullArticle();
    const first = await n.app.inject('/news/paromy');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await n.app.inject({ url: '/news/paromy', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    await fullArticle();
    const res = await n.app.inject('/news/paromy');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/<script(?![^>]*(src=|type="application\/ld\+json"))/);
  });
});
