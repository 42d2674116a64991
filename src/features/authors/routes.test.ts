import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

forEachDialect('back office: author profiles', (dialect) => {
  let n: Newsroom;
  let editor: StaffSession;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    editor = await staffSession(n, 'editor');
  });
  afterEach(() => n.close());

  const get = (s: StaffSession, url: string) => n.app.inject({ url, headers: { cookie: s.cookie } });
  const profile = (overrides: Record<string, string> = {}) => ({
    name: 'Тимур Алиев',
    name_en: 'Timur Aliev',
    slug: '',
    role_title: 'Корреспондент в Баку',
    role_title_en: 'Baku correspondent',
    bio: 'Пишет о портах\r\nи паромах.',
    bio_en: 'Writes about ports and ferries.',
    photo: '',
    ...overrides,
  });

  it('lists the profiles with their article counts', async () => {
    await publishArticle(n, '2024-04-10T08:00:00Z', { slug: 'one' });
    const res = await get(editor, '/admin/authors/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Авторы</h1>');
    expect(res.body).toContain(`<a href="/admin/authors/${n.ids.author}">Анна Морозова</a>`);
    expect(res.body).toContain('<td>Международный обозреватель</td>');
    expect(res.body).toMatch(/<a href="\/author\/anna\/">anna<\/a><\/td><td>1<\/td>/);
  });

  it('creates a profile with a photo and English texts, shown on the public author pages', async () => {
    const form = await get(editor, '/admin/authors/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${n.ids.image}">Краны в порту (1200×800, 2024-04-11)</option>`);
    const res = await postForm(n, editor, '/admin/authors/new', profile({ photo: String(n.ids.image) }));
    expect(res.statusCode).toBe(303);
    const row = await n.db.kysely.selectFrom('authors').selectAll().where('slug', '=', 'timur-aliev').executeTakeFirstOrThrow();
    expect(res.headers.location).toBe(`/admin/authors/${row.id}?created=1`);
    expect(row).toMatchObject({ name: 'Тимур Алиев', role_title: 'Корреспондент в Баку', bio: 'Пишет о портах\nи паромах.', photo_image_id: n.ids.image });
    expect(JSON.parse(row.translations)).toEqual({ en: { name: 'Timur Aliev', role_title: 'Baku correspondent', bio: 'Writes about ports and ferries.' } });
    expect((await get(editor, res.headers.location as string)).body).toContain('Профиль создан.');

    const ru = (await n.app.inject('/author/timur-aliev/')).body;
    expect(ru).toContain('<h1>Тимур Алиев</h1>');
    expect(ru).toContain('<img class="author-photo" src="/media/test/port.svg" width="160" height="107" alt="Краны в порту">');
    const en = (await n.app.inject('/en/author/timur-aliev/')).body;
    expect(en).toContain('<h1>Timur Aliev</h1>');
    expect(en).toContain('Baku correspondent. Writes about ports and ferries.');
  });

  it('edits a profile: keeps other translations, sets the photo, and empties the English name', async () => {
    const before = (await n.app.inject('/author/anna/')).body;
    expect(before).not.toContain('class="author-photo"');
    const edit = await get(editor, `/admin/authors/${n.ids.author}`);
    expect(edit.body).toContain('value="Anna Morozova"');
    expect(edit.body).toContain('value="International columnist"');
    const res = await postForm(n, editor, `/admin/authors/${n.ids.author}`, {
      name: 'Анна Морозова',
      name_en: '',
      slug: 'anna',
      role_title: 'Обозреватель',
      role_title_en: 'Columnist',
      bio: 'Двадцать лет в профессии.',
      bio_en: '',
      photo: String(n.ids.image),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/authors/${n.ids.author}?saved=1`);
    const row = await n.db.kysely.selectFrom('authors').selectAll().where('id', '=', n.ids.author).executeTakeFirstOrThrow();
    expect(JSON.parse(row.translations)).toEqual({ en: { role_title: 'Columnist' } });
    const after = (await n.app.inject('/author/anna/')).body;
    expect(after).toContain('class="author-photo" src="/media/test/port.svg"');
    expect(after).toContain('Обозреватель. Двадцать лет в профессии.');
    expect((await n.app.inject('/en/author/anna/')).body).toContain('<h1>Анна Морозова</h1>');
    const page = (await get(editor, `/admin/authors/${n.ids.author}?saved=1`)).body;
    expect(page).toContain('Сохранено.');
    expect(page).toContain(`<option value="${n.ids.image}" selected>`);
  });

  it('keeps a renamed profile’s old address as a 301, until another profile takes the address', async () => {
    const move = (id: number, slug: string, name = 'Анна Морозова') =>
      postForm(n, editor, `/admin/authors/${id}`, { ...profile({ name, name_en: '', slug }), role_title: 'Обозреватель' });
    expect((await move(n.ids.author, 'anna-morozova')).statusCode).toBe(303);
    const old = await n.app.inject('/author/anna/?page=2');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/author/anna-morozova/?page=2');
    expect((await n.app.inject('/en/author/anna/')).headers.location).toBe('/en/author/anna-morozova/');
    expect((await n.app.inject('/author/anna-morozova/')).body).toContain('<h1>Анна Морозова</h1>');

    // A second rename: both earlier addresses lead to the newest one.
    expect((await move(n.ids.author, 'a-morozova')).statusCode).toBe(303);
    expect((await n.app.inject('/author/anna/')).headers.location).toBe('/author/a-morozova/');
    expect((await n.app.inject('/author/anna-morozova/')).headers.location).toBe('/author/a-morozova/');

    // Another profile may take a freed address; then it is that profile's page, not a redirect.
    const created = await postForm(n, editor, '/admin/authors/new', profile({ name: 'Анна Петрова', name_en: '', slug: 'anna' }));
    expect(created.statusCode).toBe(303);
    const taken = await n.app.inject('/author/anna/');
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('<h1>Анна Петрова</h1>');
    expect((await n.app.inject('/author/nikto/')).statusCode).toBe(404);
  });

  it('shows what is wrong and keeps what was typed', async () => {
    const empty = await postForm(n, editor, '/admin/authors/new', profile({ name: '  ', bio: 'Текст остаётся' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Проверьте имя (от 1 до 120 символов).');
    expect(empty.body).toContain('Текст остаётся');
    const taken = await postForm(n, editor, '/admin/authors/new', profile({ slug: 'anna' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Адрес «anna» уже у профиля «Анна Морозова». Выберите другой.');
    const photo = await postForm(n, editor, `/admin/authors/${n.ids.author}`, profile({ slug: 'anna', photo: '99999' }));
    expect(photo.statusCode).toBe(400);
    expect(photo.body).toContain('Выбранной фотографии больше нет в медиатеке.');
    const junk = await postForm(n, editor, `/admin/authors/${n.ids.author}`, profile({ slug: 'anna', photo: 'abc' }));
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain('Проверьте фотографию.');
    expect(await n.db.kysely.selectFrom('authors').select('id').execute()).toHaveLength(1);
    expect((await get(editor, '/admin/authors/999')).statusCode).toBe(404);
    expect((await postForm(n, editor, '/admin/authors/999', profile())).statusCode).toBe(404);
  });

  it('refuses with catalogued codes whose details and facts carry what the sentence needs', async () => {
    const actor = { id: editor.userId, role: 'editor' as const };
    const input = { name: 'Анна', slug: 'anna', roleTitle: '', bio: '', photoImageId: null, en: { name: '', roleTitle: '', bio: '' } };
    await expect(n.services.authors.create(actor, input)).rejects.toMatchObject({ code: 'SLUG_TAKEN', details: ['slug: taken'], facts: { slug: 'anna', by: 'Анна Морозова' } });
    await expect(n.services.authors.create(actor, { ...input, slug: 'drugaya', photoImageId: 99999 })).rejects.toMatchObject({ code: 'VALIDATION', details: ['photoImageId: not in the media library'] });
    await expect(n.services.authors.create(actor, { ...input, name: ' ', slug: 'drugaya' })).rejects.toMatchObject({ code: 'VALIDATION', details: [expect.stringMatching(/^name: /)] });
    await expect(n.services.authors.get(actor, 999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for editors and the owner only, and every form needs its CSRF token', async () => {
    const owner = await staffSession(n, 'owner');
    expect((await get(owner, '/admin/authors/')).statusCode).toBe(200);
    for (const role of ['author', 'moderator'] as const) {
      const s = await staffSession(n, role);
      expect((await get(s, '/admin/authors/')).statusCode).toBe(403);
      expect((await get(s, `/admin/authors/${n.ids.author}`)).statusCode).toBe(403);
      expect((await postForm(n, s, `/admin/authors/${n.ids.author}`, profile({ slug: 'anna' }))).statusCode).toBe(403);
      expect((await postForm(n, s, '/admin/authors/new', profile())).statusCode).toBe(403);
    }
    const noToken = await n.app.inject({
      method: 'POST',
      url: '/admin/authors/new',
      headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(profile()).toString(),
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const row = await n.db.kysely.selectFrom('authors').selectAll().where('id', '=', n.ids.author).executeTakeFirstOrThrow();
    expect(row.name).toBe('Анна Морозова');
    expect(await n.db.kysely.selectFrom('authors').select('id').execute()).toHaveLength(1);
  });
});
