import { afterEach, beforeEach, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, draftArticle, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

forEachDialect('page cache over real HTTP', (dialect) => {
  let n: Newsroom;
  let base: string;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    const address = n.app.server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterEach(() => n.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

  it('serves a published page from memory after the first render, with identical bytes', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Паромы' });
    const first = await get('/news/paromy');
    expect(first.headers.get('x-page-cache')).toBeNull();
    const firstBody = await first.text();
    const second = await get('/news/paromy');
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
  });

  it('holds ready gzip and brotli bytes and answers 304 to a matching ETag', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    const plain = await (await get('/news/paromy')).text();
    const raw = await fetch(`${base}/news/paromy`, { headers: { 'accept-encoding': 'br' } });
    expect(raw.headers.get('content-encoding')).toBe('br');
    const http = await import('node:http');
    const fetchRaw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        http.get(`${base}/news/paromy`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await fetchRaw('br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain);
    const gz = await fetchRaw('gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plain);
    const etag = (await get('/news/paromy')).headers.get('etag')!;
    const notModified = await get('/news/paromy', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-page-cache')).toBe('hit');
  });

  it('never serves a stale page after publish, edit or unpublish', async () => {
    const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Старый заголовок' });
    await get('/');
    await get('/news/paromy');
    expect((await get('/news/paromy')).headers.get('x-page-cache')).toBe('hit');

    await n.services.articles.update(id, { headline: 'Новый заголовок' });
    // Saved into the working copy: readers and the cache still have the published page.
    expect((await get('/news/paromy')).headers.get('x-page-cache')).toBe('hit');
    await n.services.articles.publishChanges(id);
    const edited = await get('/news/paromy');
    expect(edited.headers.get('x-page-cache')).toBeNull();
    expect(await edited.text()).toContain('Новый заголовок');

    await publishArticle(n, '2024-04-11T07:30:00Z', { slug: 'svezhee', headline: 'Свежая новость' });
    expect(await (await get('/')).text()).toContain('Свежая новость');

    await n.services.articles.unpublish(id);
    expect((await get('/news/paromy')).status).toBe(410);
    expect((await get('/news/paromy')).status).toBe(410);
  });

  it('drops pages at local midnight, when the calendar’s "today" moves', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    await get('/');
    expect((await get('/')).headers.get('x-page-cache')).toBe('hit');
    n.clock.now = new Date('2024-04-11T21:00:01Z'); // just past midnight in Moscow
    const next = await get('/');
    expect(next.headers.get('x-page-cache')).toBeNull();
    expect(await next.text()).toContain('<td class="today" aria-current="date">12</td>');
  });

  it('passes requests with a staff session and non-GET methods to the router', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    await get('/news/paromy');
    const staff = await get('/news/paromy', { cookie: 'dl_session=x' });
    expect(staff.headers.get('x-page-cache')).toBeNull();
    expect(staff.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an address with a tracking query but keeps only the page without it', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    const tagged = await get('/news/paromy?utm_source=telegram');
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get('etag')).toBeTruthy();
    expect(n.services.pageCache.size).toBe(0);
    await get('/news/paromy');
    expect((await get('/news/paromy')).headers.get('x-page-cache')).toBe('hit');
    expect((await get('/news/paromy?utm_source=telegram')).headers.get('x-page-cache')).toBeNull();
  });

  it('does not cache error pages', async () => {
    await get('/news/net');
    const again = await get('/news/net');
    expect(again.status).toBe(404);
    expect(again.headers.get('x-page-cache')).toBeNull();
  });
});

forEachDialect('page cache and a change during a render', (dialect) => {
  it('does not keep a page whose rendering overlapped an event', async () => {
    const n = await createNewsroom(dialect);
    try {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Старый заголовок' });
      let editDuringRender = true;
      // Runs after the cache has stamped the request, before the page is read and rendered.
      n.app.addHook('preHandler', async () => {
        if (!editDuringRender) return;
        editDuringRender = false;
        await n.services.articles.update(id, { headline: 'Новый заголовок' });
        await n.services.articles.publishChanges(id);
    await n.services.articles.publishChanges(id);
      });
      await n.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(n.app.server.address() as { port: number }).port}`;
      const first = await fetch(`${base}/news/paromy`);
      expect(first.headers.get('etag')).toBeTruthy();
      expect(n.services.pageCache.size).toBe(0);
      const second = await fetch(`${base}/news/paromy`);
      expect(second.headers.get('x-page-cache')).toBeNull();
      expect(await second.text()).toContain('Новый заголовок');
      expect((await fetch(`${base}/news/paromy`)).headers.get('x-page-cache')).toBe('hit');
    } finally {
      await n.close();
    }
  });
});

forEachDialect('page cache switched off', (dialect) => {
  it('renders every request when PAGE_CACHE=off', async () => {
    const n = await createNewsroom(dialect, { env: { PAGE_CACHE: 'off' } });
    try {
      await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
      await n.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = n.app.server.address() as { port: number };
      await fetch(`http://127.0.0.1:${port}/news/paromy`);
      const second = await fetch(`http://127.0.0.1:${port}/news/paromy`);
      expect(second.status).toBe(200);
      expect(second.headers.get('x-page-cache')).toBeNull();
      expect(n.services.pageCache.size).toBe(0);
    } finally {
      await n.close();
    }
  });
});

forEachDialect('uncached pages keep up with the chrome', (dialect) => {
  let n: Newsroom;
  let base: string;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { env: { PAGE_CACHE: 'off' } });
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(n.app.server.address() as { port: number }).port}`;
  });
  afterEach(() => n.close());

  const page = async (path: string) => (await fetch(`${base}${path}`)).text();

  it('shows the new site name, channels and rubric names right after they change', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    const before = await page('/news/paromy');
    expect(before).toContain('>Экономика</a>');
    expect(before).not.toContain('channel-telegram');

    await n.services.settings.set('name', 'Каспийский вестник');
    await n.services.settings.set('channels', [{ network: 'telegram', label: 'Телеграм-канал', url: 'https://t.me/example' }]);
    await n.services.taxonomy.renameRubric({ id: 1, role: 'owner' }, n.ids.rubric, { name: 'Экономика и транспорт' });

    const after = await page('/news/paromy');
    expect(after).toContain('<a class="site-name" href="/">Каспийский вестник</a>');
    expect(after).toContain('© Каспийский вестник.');
    expect(after).toContain('Телеграм-канал');
    expect(after).toContain('>Экономика и транспорт</a>');
    expect(after).not.toContain('>Экономика</a>');
  });

  it('sends each page whole and apart from the others when many are answered in a row', async () => {
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Паромы' });
    await publishArticle(n, '2024-04-11T08:00:00Z', { slug: 'porty', headline: 'Порты' });
    const expected = { paromy: await page('/news/paromy'), porty: await page('/news/porty') };
    expect(expected.paromy).not.toBe(expected.porty);
    // Enough pages to fill several encoding slabs, interleaved.
    const slugs = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? 'paromy' : 'porty'));
    const bodies = await Promise.all(slugs.map((slug) => page(`/news/${slug}`)));
    bodies.forEach((body, i) => expect(body).toBe(expected[slugs[i] as 'paromy' | 'porty']));
  });
});


forEachDialect('page cache forgets only what changed', (dialect) => {
  let n: Newsroom;
  let base: string;
  /** A second rubric and author, so that an article can share nothing with the others. */
  let politics: number;
  let boris: number;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    const k = n.db.kysely;
    politics = (await k.insertInto('rubrics').values({ slug: 'politics', name: 'Политика', translations: '{}', is_flag: 0, position: 2 }).returning('id').executeTakeFirstOrThrow()).id;
    boris = (await k.insertInto('authors').values({ slug: 'boris', name: 'Борис Ковалёв', translations: '{}', bio: '', role_title: '', photo_image_id: null }).returning('id').executeTakeFirstOrThrow()).id;
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(n.app.server.address() as { port: number }).port}`;
  });
  afterEach(() => n.close());

  const get = (path: string) => fetch(`${base}${path}`);
  const hit = async (path: string) => (await get(path)).headers.get('x-page-cache') === 'hit';
  /** Renders each page and asks again, so that each is served from the cache. */
  const warm = async (...paths: string[]) => {
    for (const path of paths) await get(path);
    for (const path of paths) expect(await hit(path), path).toBe(true);
  };
  /** An old article in its own rubric, by its own author, with a later neighbour: a page nothing below touches. */
  const unrelated = async () => {
    await publishArticle(n, '2024-01-10T07:00:00Z', { slug: 'vybory', headline: 'Выборы', rubricIds: [politics], authors: [{ authorId: boris }] });
    await publishArticle(n, '2024-02-10T07:00:00Z', { slug: 'debaty', headline: 'Дебаты', rubricIds: [politics], authors: [{ authorId: boris }] });
  };

  it('keeps article B cached when article A is edited', async () => {
    await unrelated();
    const a = await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'paromy', headline: 'Старый заголовок' });
    await warm('/news/vybory', '/news/paromy', '/');
    await n.services.articles.update(a, { headline: 'Новый заголовок' });
    await n.services.articles.publishChanges(a);
    expect(await hit('/news/vybory')).toBe(true);
    const edited = await get('/news/paromy');
    expect(edited.headers.get('x-page-cache')).toBeNull();
    expect(await edited.text()).toContain('Новый заголовок');
    expect(await (await get('/')).text()).toContain('Новый заголовок');
  });

  it('drops the home page, the lists, the archives and the calendars a new article joins, and keeps an unrelated article', async () => {
    await unrelated();
    await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'porty', headline: 'Порты', tags: ['Паромы'] });
    const lists = ['/', '/rubric/economy/', '/tag/paromy/', '/author/anna/', '/2024/04/', '/2024/04/11/'];
    await warm('/news/vybory', '/news/porty', ...lists);
    expect(await (await get('/')).text()).not.toContain('href="/2024/04/11/"');

    await publishArticle(n, '2024-04-11T07:30:00Z', { slug: 'svezhee', headline: 'Свежая новость', tags: ['Паромы'] });
    for (const path of lists) {
      const response = await get(path);
      expect(response.headers.get('x-page-cache'), path).toBeNull();
      expect(await response.text(), path).toContain('Свежая новость');
    }
    // The calendar links the new article's day, and the earlier article's page links to it as the next one.
    expect(await (await get('/2024/04/')).text()).toContain('href="/2024/04/11/"');
    expect(await (await get('/news/porty')).text()).toContain('Свежая новость');
    expect(await hit('/news/vybory')).toBe(true);
  });

  it('drops the home page and the lists when a scheduled article goes live, and keeps an unrelated article', async () => {
    await unrelated();
    await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'porty' });
    const id = await n.services.articles.createDraft({ lang: 'ru', headline: 'По расписанию', lead: '', body: { type: 'doc', content: [paragraph('Текст.')] }, rubricIds: [n.ids.rubric] });
    await n.services.articles.schedule(id, new Date('2024-04-11T08:00:00Z'));
    await warm('/', '/rubric/economy/', '/news/vybory');
    n.clock.now = new Date('2024-04-11T08:00:01Z');
    expect(await n.services.articles.publishDue()).toEqual([id]);
    for (const path of ['/', '/rubric/economy/']) expect(await (await get(path)).text(), path).toContain('По расписанию');
    expect(await hit('/news/vybory')).toBe(true);
  });

  it('drops an article page whose next neighbour becomes an article published between them', async () => {
    await unrelated();
    await warm('/news/vybory');
    expect(await (await get('/news/vybory')).text()).toContain('Дебаты');
    await publishArticle(n, '2024-01-20T07:00:00Z', { slug: 'mezhdu', headline: 'Между ними' });
    expect(await (await get('/news/vybory')).text()).toContain('Между ними');
  });

  it('drops the pages whose calendar gains a link to the month of a new article', async () => {
    await publishArticle(n, '2024-01-10T07:00:00Z', { slug: 'vybory', rubricIds: [politics], authors: [{ authorId: boris }] });
    await warm('/news/vybory');
    expect(await (await get('/news/vybory')).text()).not.toContain('href="/2024/04/"');
    await publishArticle(n, '2024-04-11T07:30:00Z', { slug: 'svezhee', tags: ['Паромы'] });
    expect(await (await get('/news/vybory')).text()).toContain('href="/2024/04/"');
  });

  it('drops a rubric’s list and every page whose navigation shows it when the rubric changes', async () => {
    await unrelated();
    await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'porty' });
    await warm('/rubric/politics/', '/news/porty', '/');
    await n.services.taxonomy.renameRubric({ id: 1, role: 'owner' }, politics, { name: 'Власть' });
    for (const path of ['/rubric/politics/', '/news/porty', '/']) {
      const response = await get(path);
      expect(response.headers.get('x-page-cache'), path).toBeNull();
      expect(await response.text(), path).toContain('>Власть</a>');
    }
  });

  it('drops a tag’s list and the pages showing the tag when it changes, not the other articles', async () => {
    await unrelated();
    await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'porty', tags: ['Паромы'] });
    await warm('/tag/paromy/', '/news/porty', '/news/vybory', '/');
    const [tag] = await n.db.kysely.selectFrom('tags').select('id').where('slug', '=', 'paromy').execute();
    await n.services.taxonomy.renameTag({ id: 1, role: 'owner' }, tag!.id, { name: 'Переправы', slug: 'paromy' });
    expect(await hit('/tag/paromy/')).toBe(false);
    expect(await (await get('/news/porty')).text()).toContain('Переправы');
    expect(await hit('/news/vybory')).toBe(true);
    expect(await hit('/')).toBe(true);
  });

  it('drops an author’s list and bylines when the profile changes, not the other authors’ articles', async () => {
    await unrelated();
    await publishArticle(n, '2024-04-05T07:00:00Z', { slug: 'porty' });
    await warm('/author/anna/', '/news/porty', '/news/vybory');
    await n.services.authors.update({ id: 1, role: 'owner' }, n.ids.author, { name: 'Анна Белова', roleTitle: '', bio: '', photoImageId: null, en: {} });
    expect(await hit('/author/anna/')).toBe(false);
    expect(await (await get('/news/porty')).text()).toContain('Анна Белова');
    expect(await hit('/news/vybory')).toBe(true);
  });

  it('still drops every page when the settings change', async () => {
    await unrelated();
    await warm('/news/vybory', '/');
    await n.services.settings.set('name', 'Каспийский вестник');
    expect(n.services.pageCache.size).toBe(0);
    expect(await (await get('/news/vybory')).text()).toContain('Каспийский вестник');
  });

  it('keeps every page when an article that readers never saw goes back to draft', async () => {
    await unrelated();
    await warm('/news/vybory', '/', '/rubric/economy/');
    const draft = await draftArticle(n, { headline: 'Черновик', lead: '', body: { type: 'doc', content: [paragraph('Текст.')] } });
    await n.services.articles.submitForReview(draft);
    await n.services.articles.backToDraft(draft);
    expect(n.services.pageCache.size).toBe(3);
    expect(await hit('/')).toBe(true);
  });
});
