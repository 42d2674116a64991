import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { DomainEvent } from '../../lib/events.js';
import { moveInOrder } from './rules.js';
import { TaxonomyService } from './service.js';

const editor = { id: 1, role: 'editor' as const };

describe('moveInOrder', () => {
  const rows = [
    { id: 10, group: 1 },
    { id: 1, group: 0 },
    { id: 2, group: 0 },
    { id: 3, group: 0 },
  ];
  it('swaps with the neighbour of the same group and stops at the edges', () => {
    expect(moveInOrder(rows, 2, 'up')).toEqual([10, 2, 1, 3]);
    expect(moveInOrder(rows, 2, 'down')).toEqual([10, 1, 3, 2]);
    expect(moveInOrder(rows, 1, 'up')).toEqual([10, 1, 2, 3]);
    expect(moveInOrder(rows, 3, 'down')).toEqual([10, 1, 2, 3]);
    expect(moveInOrder(rows, 99, 'up')).toEqual([10, 1, 2, 3]);
  });
});

forEachDialect('taxonomy service', (dialect) => {
  let n: Newsroom;
  let taxonomy: TaxonomyService;
  let events: DomainEvent[];
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    taxonomy = new TaxonomyService(n.db.kysely, n.services.events);
    events = [];
    n.services.events.on((e) => events.push(e));
  });
  afterEach(() => n.close());

  const tagId = async (lang: string, slug: string) =>
    (await n.db.kysely.selectFrom('tags').select('id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const tagsOf = async (articleId: number) =>
    (
      await n.db.kysely
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.slug')
        .where('article_tags.article_id', '=', articleId)
        .orderBy('tags.slug')
        .execute()
    ).map((r) => r.slug);

  it('creates a rubric with its address from the English name, the English name in translations, at the end', async () => {
    const id = await taxonomy.createRubric(editor, { name: 'Общество', nameEn: 'Society' });
    const second = await taxonomy.createRubric(editor, { name: 'Культура и люди' });
    const rows = await n.db.kysely.selectFrom('rubrics').selectAll().where('id', 'in', [id, second]).orderBy('id').execute();
    expect(rows[0]).toMatchObject({ slug: 'society', name: 'Общество', is_flag: 0, position: 2 });
    expect(JSON.parse(rows[0]!.translations)).toEqual({ en: { name: 'Society' } });
    expect(rows[1]).toMatchObject({ slug: 'kultura-i-lyudi', translations: '{}', position: 3 });
    expect(events.filter((e) => e.type === 'taxonomy.changed')).toHaveLength(2);
    const html = (await n.app.inject('/en/')).body;
    expect(html).toContain('href="/en/rubric/society/">Society</a>');
  });

  it('refuses an address another rubric holds, invalid input, and anyone without the right', async () => {
    await expect(taxonomy.createRubric(editor, { name: 'Экономика', slug: 'economy' })).rejects.toMatchObject({ code: 'SLUG_TAKEN', details: ['slug: taken by a rubric'], facts: { slug: 'economy', by: 'Экономика' } });
    await expect(taxonomy.createRubric(editor, { name: '  ' })).rejects.toMatchObject({ code: 'VALIDATION', details: [expect.stringMatching(/^name: /)] });
    await expect(taxonomy.renameRubric(editor, n.ids.rubric, { slug: 'Не адрес' })).rejects.toMatchObject({ code: 'VALIDATION' });
    for (const role of ['author', 'moderator', 'reader'] as const) {
      await expect(taxonomy.renameRubric({ id: 9, role }, n.ids.rubric, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(taxonomy.renameRubric(null, n.ids.rubric, { name: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(events).toEqual([]);
  });

  it('renames a rubric; its old address answers 301 to the new one, query kept, in every language', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', headline: 'Первая' });
    await taxonomy.renameRubric(editor, n.ids.rubric, { name: 'Экономика и бизнес', nameEn: 'Business', slug: 'business' });
    const old = await n.app.inject('/rubric/economy/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/rubric/business/');
    const en = await n.app.inject('/en/rubric/economy/?page=2');
    expect(en.statusCode).toBe(301);
    expect(en.headers.location).toBe('/en/rubric/business/?page=2');
    const page = await n.app.inject('/rubric/business/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Экономика и бизнес</h1>');
    expect(page.body).toContain('Первая');
    expect((await n.app.inject('/en/rubric/business/')).body).toContain('<h1>Business</h1>');

    // A second rename: both old addresses lead to the newest one; taking an old address back drops its redirect.
    await taxonomy.renameRubric(editor, n.ids.rubric, { slug: 'money' });
    expect((await n.app.inject('/rubric/economy/')).headers.location).toBe('/rubric/money/');
    expect((await n.app.inject('/rubric/business/')).headers.location).toBe('/rubric/money/');
    await taxonomy.renameRubric(editor, n.ids.rubric, { slug: 'economy' });
    expect((await n.app.inject('/rubric/economy/')).statusCode).toBe(200);
    expect((await n.app.inject('/rubric/money/')).headers.location).toBe('/rubric/economy/');
    expect((await n.app.inject('/rubric/nothing/')).statusCode).toBe(404);

    // An old address gives way to a new rubric that wants it.
    await taxonomy.createRubric(editor, { name: 'Деньги', slug: 'money' });
    expect((await n.app.inject('/rubric/money/')).body).toContain('<h1>Деньги</h1>');
  });

  it('shows the new name on the public rubric page and in the navigation right after a rename (the page cache is emptied)', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', headline: 'Первая' });
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(n.app.server.address() as { port: number }).port}`;
    const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });
    await get('/rubric/economy/');
    const cached = await get('/rubric/economy/');
    expect(cached.headers.get('x-page-cache')).toBe('hit');
    await get('/');
    await taxonomy.renameRubric(editor, n.ids.rubric, { name: 'Хозяйство' });
    const fresh = await get('/rubric/economy/');
    expect(fresh.headers.get('x-page-cache')).toBeNull();
    const html = await fresh.text();
    expect(html).toContain('<h1>Хозяйство</h1>');
    expect(html).toContain('<a href="/rubric/economy/">Хозяйство</a>');
    expect(await (await get('/')).text()).not.toContain('Экономика');
  });

  it('reorders rubrics within their kind, and the navigation follows', async () => {
    const society = await taxonomy.createRubric(editor, { name: 'Общество', slug: 'society' });
    const navOrder = async () => [...(await n.app.inject('/')).body.matchAll(/<li><a href="\/rubric\/([a-z-]+)\/">/g)].map((m) => m[1]);
    expect(await navOrder()).toEqual(['economy', 'society']);
    await taxonomy.moveRubric(editor, society, 'up');
    expect(await navOrder()).toEqual(['society', 'economy']);
    const rubrics = await taxonomy.listRubrics(editor);
    expect(rubrics.map((r) => r.slug)).toEqual(['story-of-the-day', 'society', 'economy']);
    await taxonomy.reorderRubrics(editor, [n.ids.rubric]);
    expect(await navOrder()).toEqual(['economy', 'society']);
    await expect(taxonomy.moveRubric(editor, 999, 'up')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes a rubric only when no article, not even a draft, uses it', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one' });
    await expect(taxonomy.deleteRubric(editor, n.ids.rubric)).rejects.toMatchObject({
      code: 'RUBRIC_IN_USE',
      message: 'The rubric “Экономика” is used by 1 article(s). Move them to another rubric first.',
      facts: { name: 'Экономика', count: 1 },
    });
    const spare = await taxonomy.createRubric(editor, { name: 'Запас', slug: 'spare' });
    await n.services.articles.createDraft({ lang: 'ru', headline: 'Черновик', lead: '', body: { type: 'doc', content: [] }, authors: [], rubricIds: [spare] });
    await expect(taxonomy.deleteRubric(editor, spare)).rejects.toMatchObject({ code: 'RUBRIC_IN_USE' });
    const empty = await taxonomy.createRubric(editor, { name: 'Пусто', slug: 'empty' });
    await taxonomy.renameRubric(editor, empty, { slug: 'empty-2' });
    await taxonomy.deleteRubric(editor, empty);
    expect(await n.db.kysely.selectFrom('rubrics').select('id').where('id', '=', empty).executeTakeFirst()).toBeUndefined();
    expect(await n.db.kysely.selectFrom('rubric_slugs').selectAll().where('rubric_id', '=', empty).execute()).toEqual([]);
    expect((await n.app.inject('/rubric/empty/')).statusCode).toBe(404);
  });

  it('renames a tag: the address follows the name, the old one answers 301; a name another tag has is refused', async () => {
    const a = await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', tags: ['Порт Актау', 'Каспий'] });
    await taxonomy.renameTag(editor, await tagId('ru', 'port-aktau'), { name: 'Порт Актау (Казахстан)' });
    expect(await tagsOf(a)).toEqual(['kaspiy', 'port-aktau-kazakhstan']);
    const old = await n.app.inject('/tag/port-aktau/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/tag/port-aktau-kazakhstan/');
    expect((await n.app.inject('/tag/port-aktau-kazakhstan/')).body).toContain('<h1>Материалы с тегом «Порт Актау (Казахстан)»</h1>');
    await expect(taxonomy.renameTag(editor, await tagId('ru', 'kaspiy'), { name: 'Порт Актау (Казахстан)' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: ['slug: taken by a tag'],
      facts: { by: 'Порт Актау (Казахстан)' },
    });
    // An explicit address, and a spelling fix that keeps the address.
    await taxonomy.renameTag(editor, await tagId('ru', 'kaspiy'), { name: 'Каспийское море', slug: 'kaspiy' });
    expect((await n.app.inject('/tag/kaspiy/')).body).toContain('«Каспийское море»');
  });

  it('merges tag A into B: A’s articles get B without duplicates, A’s addresses redirect to B, A is gone', async () => {
    const both = await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'both', tags: ['паромы', 'паром'] });
    const onlyA = await publishArticle(n, '2024-04-10T09:00:00Z', { slug: 'only-a', tags: ['паром'] });
    const onlyB = await publishArticle(n, '2024-04-10T10:00:00Z', { slug: 'only-b', tags: ['паромы'] });
    const a = await tagId('ru', 'parom');
    const b = await tagId('ru', 'paromy');
    await taxonomy.renameTag(editor, a, { name: 'Паром', slug: 'parom-staryy' });
    await taxonomy.renameTag(editor, a, { name: 'Паром', slug: 'parom-2' });
    events.length = 0;
    await taxonomy.mergeTagInto(editor, a, 'Паромы');
    expect(events).toEqual([{ type: 'taxonomy.changed', rubricIds: [], tagIds: [a, b] }]);
    expect(await tagsOf(both)).toEqual(['paromy']);
    expect(await tagsOf(onlyA)).toEqual(['paromy']);
    expect(await tagsOf(onlyB)).toEqual(['paromy']);
    expect(await n.db.kysely.selectFrom('tags').select('id').where('id', '=', a).executeTakeFirst()).toBeUndefined();
    for (const old of ['parom', 'parom-staryy', 'parom-2']) {
      const res = await n.app.inject(`/tag/${old}/`);
      expect(res.statusCode, old).toBe(301);
      expect(res.headers.location).toBe('/tag/paromy/');
    }
    const page = (await n.app.inject('/tag/paromy/')).body;
    for (const slug of ['both', 'only-a', 'only-b']) expect(page).toContain(`/news/${slug}`);
    expect(b).toBeGreaterThan(0);
  });

  it('refuses to merge a tag into itself, across languages, or into a tag that does not exist', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'ru-one', tags: ['Каспий'] });
    await publishArticle(n, '2024-04-10T08:00:00Z', { lang: 'en', slug: 'en-one', tags: ['Caspian'] });
    const ru = await tagId('ru', 'kaspiy');
    const en = await tagId('en', 'caspian');
    await expect(taxonomy.mergeTags(editor, ru, ru)).rejects.toMatchObject({ code: 'VALIDATION', details: ['into: the same tag'] });
    await expect(taxonomy.mergeTags(editor, ru, en)).rejects.toMatchObject({ code: 'VALIDATION', details: ['into: another language'] });
    await expect(taxonomy.mergeTagInto(editor, ru, 'caspian')).rejects.toMatchObject({ code: 'NOT_FOUND', details: ['into: no such tag'], facts: { tag: 'caspian' } });
    await expect(taxonomy.mergeTagInto({ id: 2, role: 'author' }, ru, 'kaspiy')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('finds tags by part of the name or, transliterated, of the address, page by page', async () => {
    const names = Array.from({ length: 55 }, (_, i) => `Тег ${String(i).padStart(2, '0')}`);
    await n.db.kysely
      .insertInto('tags')
      .values(names.map((name, i) => ({ lang: 'ru', slug: `teg-${String(i).padStart(2, '0')}`, name })))
      .execute();
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', tags: ['Порт Актау', 'порт_100%'] });
    await publishArticle(n, '2024-04-10T08:00:00Z', { lang: 'en', slug: 'en-one', tags: ['Port of Aktau'] });
    const first = await taxonomy.searchTags(editor, { q: 'Тег', page: 1 });
    expect(first.total).toBe(55);
    expect(first.tags).toHaveLength(50);
    expect((await taxonomy.searchTags(editor, { q: 'Тег', page: 2 })).tags.map((t) => t.name)).toEqual(names.slice(50));
    expect((await taxonomy.searchTags(editor, { q: 'порт', page: 1 })).tags.map((t) => t.slug).sort()).toEqual(['port-100', 'port-aktau', 'port-of-aktau']);
    expect((await taxonomy.searchTags(editor, { q: 'ПОРТ', lang: 'en', page: 1 })).tags.map((t) => t.slug)).toEqual(['port-of-aktau']);
    expect((await taxonomy.searchTags(editor, { q: '_100%', page: 1 })).tags.map((t) => t.name)).toEqual(['порт_100%']);
    expect((await taxonomy.searchTags(editor, { q: '%', page: 1 })).tags.map((t) => t.name)).toEqual(['порт_100%']);
    expect((await taxonomy.searchTags(editor, { page: 1 })).total).toBe(58);
    expect((await taxonomy.searchTags(editor, { q: 'Порт Актау', page: 1 })).tags[0]).toMatchObject({ articleCount: 1, lang: 'ru' });
    await n.db.kysely.insertInto('tags').values({ lang: 'ru', slug: 'ferry', name: 'Каспийский паром' }).execute();
    expect((await taxonomy.searchTags(editor, { q: 'КАСПИЙСКИЙ', page: 1 })).tags.map((t) => t.slug)).toEqual(['ferry']);
  });
});
