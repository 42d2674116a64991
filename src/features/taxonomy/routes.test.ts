import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

forEachDialect('back office: rubrics and tags', (dialect) => {
  let n: Newsroom;
  let editor: StaffSession;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    editor = await staffSession(n, 'editor');
  });
  afterEach(() => n.close());

  const page = (s: StaffSession, url = '/admin/taxonomy/') => n.app.inject({ url, headers: { cookie: s.cookie } });
  const tagId = async (slug: string) => (await n.db.kysely.selectFrom('tags').select('id').where('lang', '=', 'ru').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  it('lists rubrics and tags for an editor and the owner', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', tags: ['Порт Актау'] });
    for (const s of [editor, await staffSession(n, 'owner')]) {
      const res = await page(s);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Рубрики и теги</h1>');
      expect(res.body).toContain('Экономика');
      expect(res.body).toContain('<span class="muted" lang="en"> / Economy</span>');
      expect(res.body).toContain('<a href="/tag/port-aktau/">port-aktau</a>');
      expect(res.body).toContain('aria-current="page">Рубрики и теги</a>');
    }
  });

  it('turns away authors and moderators with 403, and an anonymous visitor to the sign-in page', async () => {
    for (const role of ['author', 'moderator'] as const) {
      const s = await staffSession(n, role);
      const res = await page(s);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Нет доступа');
      const post = await postForm(n, s, `/admin/taxonomy/rubrics/${n.ids.rubric}`, { name: 'Захват', slug: 'zakhvat' });
      expect(post.statusCode).toBe(403);
      expect((await postForm(n, s, '/admin/taxonomy/rubrics', { name: 'Новая' })).statusCode).toBe(403);
      expect((await postForm(n, s, `/admin/taxonomy/rubrics/${n.ids.rubric}/delete`, {})).statusCode).toBe(403);
    }
    expect((await n.app.inject('/admin/taxonomy/')).headers.location).toBe('/admin/sign-in?next=%2Fadmin%2Ftaxonomy%2F');
    const rubric = await n.db.kysely.selectFrom('rubrics').selectAll().where('id', '=', n.ids.rubric).executeTakeFirstOrThrow();
    expect(rubric).toMatchObject({ name: 'Экономика', slug: 'economy' });
    expect(await n.db.kysely.selectFrom('rubrics').select('id').execute()).toHaveLength(2);
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await n.app.inject({
      method: 'POST',
      url: `/admin/taxonomy/rubrics/${n.ids.rubric}`,
      headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=X&slug=x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'CSRF', message: 'Форма устарела. Перезагрузите страницу и попробуйте снова.' });
    const forged = await postForm(n, { ...editor, csrf: 'forged' }, '/admin/taxonomy/rubrics', { name: 'Новая' });
    expect(forged.statusCode).toBe(403);
    expect((await n.db.kysely.selectFrom('rubrics').selectAll().where('id', '=', n.ids.rubric).executeTakeFirstOrThrow()).slug).toBe('economy');
  });

  it('creates, renames, reorders and deletes rubrics through the forms', async () => {
    const created = await postForm(n, editor, '/admin/taxonomy/rubrics', { name: 'Общество', name_en: 'Society', slug: '' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/admin/taxonomy/?done=created#rubrics-heading');
    expect((await page(editor, '/admin/taxonomy/?done=created')).body).toContain('<p class="notice notice-ok" role="status">Рубрика добавлена.</p>');
    const society = (await n.db.kysely.selectFrom('rubrics').select('id').where('slug', '=', 'society').executeTakeFirstOrThrow()).id;

    const renamed = await postForm(n, editor, `/admin/taxonomy/rubrics/${n.ids.rubric}`, { name: 'Экономика и бизнес', name_en: 'Business', slug: 'business' });
    expect(renamed.statusCode).toBe(303);
    const old = await n.app.inject('/rubric/economy/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/rubric/business/');
    expect((await page(editor)).body).toContain('Старые адреса, ведут сюда: economy');

    expect((await postForm(n, editor, `/admin/taxonomy/rubrics/${society}/move`, { direction: 'up' })).statusCode).toBe(303);
    const nav = (await n.app.inject('/')).body;
    expect(nav.indexOf('href="/rubric/society/"')).toBeLessThan(nav.indexOf('href="/rubric/business/"'));

    const taken = await postForm(n, editor, `/admin/taxonomy/rubrics/${society}`, { name: 'Общество', name_en: 'Society', slug: 'business' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Адрес «business» занят рубрикой «Экономика и бизнес». Выберите другой.');
    const bad = await postForm(n, editor, `/admin/taxonomy/rubrics/${society}`, { name: '', slug: 'society' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Проверьте название (от 1 до 120 символов).');

    expect((await postForm(n, editor, `/admin/taxonomy/rubrics/${society}/delete`, {})).statusCode).toBe(303);
    expect(await n.db.kysely.selectFrom('rubrics').select('id').where('id', '=', society).executeTakeFirst()).toBeUndefined();
    expect((await postForm(n, editor, '/admin/taxonomy/rubrics/abc/delete', {})).statusCode).toBe(404);
  });

  it('explains why a rubric in use cannot be deleted', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one' });
    const res = await postForm(n, editor, `/admin/taxonomy/rubrics/${n.ids.rubric}/delete`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Рубрику «Экономика» нельзя удалить: в ней материалов — 1. Сначала перенесите их в другую рубрику.');
    expect((await n.app.inject('/rubric/economy/')).statusCode).toBe(200);
  });

  it('renames and merges tags, keeping the search and page of the list', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one', tags: ['паром', 'Каспий'] });
    await publishArticle(n, '2024-04-10T09:00:00Z', { slug: 'two', tags: ['паромы'] });
    const renamed = await postForm(n, editor, `/admin/taxonomy/tags/${await tagId('kaspiy')}?q=%D0%BA`, { name: 'Каспийское море', slug: '' });
    expect(renamed.statusCode).toBe(303);
    expect(renamed.headers.location).toBe('/admin/taxonomy/?q=%D0%BA&done=renamed#tags');
    expect((await n.app.inject('/tag/kaspiy/')).headers.location).toBe('/tag/kaspiyskoe-more/');

    const unknown = await postForm(n, editor, `/admin/taxonomy/tags/${await tagId('parom')}/merge`, { into: 'Паромщики' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Тега «Паромщики» на этом языке нет.');

    const merged = await postForm(n, editor, `/admin/taxonomy/tags/${await tagId('parom')}/merge`, { into: 'paromy' });
    expect(merged.statusCode).toBe(303);
    expect((await page(editor, merged.headers.location as string)).body).toContain('Теги объединены.');
    expect((await n.app.inject('/tag/parom/')).headers.location).toBe('/tag/paromy/');
    const tag = (await n.app.inject('/tag/paromy/')).body;
    expect(tag).toContain('/news/one');
    expect(tag).toContain('/news/two');

    const clash = await postForm(n, editor, `/admin/taxonomy/tags/${await tagId('paromy')}`, { name: 'Каспийское море' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Адрес «kaspiyskoe-more» уже у тега «Каспийское море». Чтобы соединить два тега, объедините их.');
  });

  it('searches tags with ?q= and pages through thousands of them', async () => {
    await n.db.kysely
      .insertInto('tags')
      .values(Array.from({ length: 120 }, (_, i) => ({ lang: 'ru', slug: `gorod-${String(i).padStart(3, '0')}`, name: `Город ${String(i).padStart(3, '0')}` })))
      .execute();
    await n.db.kysely.insertInto('tags').values({ lang: 'en', slug: 'aktau', name: 'Aktau' }).execute();
    const first = (await page(editor, '/admin/taxonomy/?q=%D0%93%D0%BE%D1%80%D0%BE%D0%B4')).body;
    expect(first).toContain('120 тегов');
    expect(first).toContain('Город 049');
    expect(first).not.toContain('Город 050');
    expect(first).toContain('Страница 1 из 3');
    expect(first).toContain('<a rel="next" href="/admin/taxonomy/?q=%D0%93%D0%BE%D1%80%D0%BE%D0%B4&amp;page=2#tags">');
    const third = (await page(editor, '/admin/taxonomy/?q=gorod&page=3')).body;
    expect(third).toContain('Город 119');
    expect(third).not.toContain('Город 099');
    const en = (await page(editor, '/admin/taxonomy/?lang=en')).body;
    expect(en).toContain('1 тег');
    expect(en).toContain('<a href="/en/tag/aktau/">aktau</a>');
    expect((await page(editor, '/admin/taxonomy/?q=nothing-like-it')).body).toContain('Теги не найдены.');
    expect((await page(editor, '/admin/taxonomy/?page=abc&lang=xx')).statusCode).toBe(200);
  });

  it('speaks English when the site does', async () => {
    await n.services.settings.set('locale', 'en');
    const res = await page(editor);
    expect(res.body).toContain('<h1>Rubrics and tags</h1>');
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one' });
    const refused = await postForm(n, editor, `/admin/taxonomy/rubrics/${n.ids.rubric}/delete`, {});
    expect(refused.body).toContain('The rubric “Экономика” cannot be deleted: 1 article uses it. Move them to another rubric first.');
  });
});
