import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

forEachDialect('article editor routes', (dialect) => {
  let n: Newsroom;
  let editor: StaffSession;
  let author: StaffSession;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    editor = await staffSession(n, 'editor');
    author = await staffSession(n, 'author');
  });
  afterEach(() => n.close());

  const article = (over: Record<string, string | string[]> = {}) => ({
    lang: 'ru',
    headline: 'Паромы вернулись',
    lead: 'Движение восстановлено.',
    body_text: 'Первый абзац.\n\nВторой абзац.',
    authorId: [String(n.ids.author)],
    authorRole: ['Международный обозреватель'],
    rubricId: [String(n.ids.rubric)],
    tags: 'Каспий, паромы',
    city: 'Актау',
    ...over,
  });

  async function create(s: StaffSession, over = {}): Promise<number> {
    const res = await postForm(n, s, '/admin/articles/', article(over));
    expect(res.statusCode).toBe(303);
    return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
  }

  it('writes a draft from the form, shows it in the editor with word count, and lists it', async () => {
    const id = await create(editor);
    const page = await n.app.inject({ url: `/admin/articles/${id}?saved=1`, headers: { cookie: editor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Паромы вернулись"');
    expect(page.body).toContain('4 слов');
    expect(page.body).toContain('Сохранено.');
    expect(page.body).toContain('value="Каспий, паромы"');
    const list = await n.app.inject({ url: '/admin/articles/?status=draft', headers: { cookie: editor.cookie } });
    expect(list.body).toContain(`href="/admin/articles/${id}"`);
  });

  it('shows validation problems in words and keeps the status 400', async () => {
    const res = await postForm(n, editor, '/admin/articles/', article({ headline: '  ', slug: 'Bad Slug' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Некоторые поля заполнены неверно.');
    expect(res.body).toContain('Заголовок не может быть пустым.');
    expect(res.body).toContain('Проверьте адрес (строчные латинские буквы, цифры и одиночные дефисы).');
    expect(res.body).not.toContain('is required');
    // What was typed stays in the form.
    expect(res.body).toContain('Движение восстановлено.</textarea>');
    expect(res.body).toContain('value="Каспий, паромы"');
  });

  it('lets an author write and submit but not publish, and hides others’ articles even by guessed id', async () => {
    const own = await create(author);
    const res = await postForm(n, author, `/admin/articles/${own}/workflow`, { action: 'publish' });
    expect(res.statusCode).toBe(403);
    const page = await n.app.inject({ url: `/admin/articles/${own}`, headers: { cookie: author.cookie } });
    expect(page.body).not.toContain('value="publish"');
    expect(page.body).toContain('value="submit"');
    expect((await postForm(n, author, `/admin/articles/${own}/workflow`, { action: 'submit' })).statusCode).toBe(303);
    const foreign = await create(editor, { headline: 'Чужой' });
    expect((await n.app.inject({ url: `/admin/articles/${foreign}`, headers: { cookie: author.cookie } })).statusCode).toBe(403);
    expect((await postForm(n, author, `/admin/articles/${foreign}`, article({ headline: 'Взлом' }))).statusCode).toBe(403);
    expect((await n.app.inject({ url: '/admin/articles/99999', headers: { cookie: editor.cookie } })).statusCode).toBe(404);
  });

  it('schedules in the site zone; the article appears when the time comes', async () => {
    const id = await create(editor, { headline: 'Запланировано' });
    const res = await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'schedule', publishAt: '2024-04-11T11:00' });
    expect(res.statusCode).toBe(303);
    expect((await n.app.inject({ url: `/admin/articles/${id}`, headers: { cookie: editor.cookie } })).body).toContain('11.04.2024 11:00');
    const past = await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'schedule', publishAt: '2024-04-10T11:00' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('Время публикации должно быть в будущем.');
    expect((await n.app.inject('/')).body).not.toContain('Запланировано');
    n.clock.now = new Date('2024-04-11T08:00:30Z');
    await n.services.scheduler.tick();
    const home = await n.app.inject('/');
    expect(home.body).toContain('Запланировано');
    const slug = /href="(\/news\/[^"]+)"[^>]*>Запланировано/.exec(home.body)![1]!;
    expect((await n.app.inject(slug)).statusCode).toBe(200);
  });

  it('previews a draft exactly as the public page will look', async () => {
    const id = await create(editor, { slug: 'predprosmotr' });
    const preview = await n.app.inject({ url: `/admin/articles/${id}/preview`, headers: { cookie: editor.cookie } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'publish' });
    const pub = await n.app.inject('/news/predprosmotr');
    const article = (html: string) => /<article class="article"[^]*<\/article>/.exec(html)![0].replace(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/g, 'T').replace(/datetime="[^"]+"/g, '');
    expect(article(preview.body)).toBe(article(pub.body));
    expect((await n.app.inject({ url: `/admin/articles/${id}/preview`, headers: { cookie: author.cookie } })).statusCode).toBe(403);
  });

  it('renames a slug: the old address redirects with 301', async () => {
    const id = await create(editor, { slug: 'staryy-adres' });
    await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'publish' });
    const edit = await n.app.inject({ url: `/admin/articles/${id}`, headers: { cookie: editor.cookie } });
    const updatedAt = /name="updatedAt" value="([^"]+)"/.exec(edit.body)![1]!;
    expect((await postForm(n, editor, `/admin/articles/${id}`, article({ slug: 'novyy-adres', updatedAt, action: 'update' }))).statusCode).toBe(303);
    const old = await n.app.inject('/news/staryy-adres');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/news/novyy-adres');
    expect((await n.app.inject('/news/novyy-adres')).body).toContain('Обновлено:');
  });

  it('refuses a save from a stale page with 409 and a readable message', async () => {
    const id = await create(editor);
    const res = await postForm(n, editor, `/admin/articles/${id}`, article({ updatedAt: '2000-01-01T00:00:00.000Z' }));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Кто-то сохранил этот материал, пока вы его правили.');
    expect(res.body).not.toContain('Someone else saved this article');
  });

  it('lists revisions, shows a diff and restores one', async () => {
    const id = await create(editor, { headline: 'Первый вариант' });
    n.clock.now = new Date('2024-04-11T08:10:00Z');
    await postForm(n, editor, `/admin/articles/${id}`, article({ headline: 'Второй вариант' }));
    const page = await n.app.inject({ url: `/admin/articles/${id}/revisions`, headers: { cookie: editor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<del>Первый</del><ins>Второй</ins> вариант');
    const first = Math.min(...[...page.body.matchAll(/revisions\/(\d+)\/restore/g)].map((m) => Number(m[1])));
    const restored = await postForm(n, editor, `/admin/articles/${id}/revisions/${first}/restore`, {});
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe(`/admin/articles/${id}?restored=1&images=0&rubrics=0&authors=0`);
    const after = (await n.app.inject({ url: restored.headers.location as string, headers: { cookie: editor.cookie } })).body;
    expect(after).toContain('value="Первый вариант"');
    expect(after).toContain('Версия восстановлена.');
  });

  it('restores a revision whose image and rubric were deleted since, leaving them out and saying so', async () => {
    const k = n.db.kysely;
    const port = await k
      .insertInto('rubrics')
      .values({ slug: 'ports', name: 'Порты', translations: '{}', is_flag: 0, position: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const figure = { type: 'figure' as const, attrs: { imageId: n.ids.image, caption: 'Краны' } };
    const text = (t: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: t }] });
    const id = await n.services.articles.createDraft({
      lang: 'ru',
      headline: 'С фотографией',
      body: { type: 'doc', content: [text('До снимка.'), figure, { type: 'blockquote', content: [figure, text('Цитата.')] }] },
      coverImageId: n.ids.image,
      authors: [{ authorId: n.ids.author }],
      rubricIds: [n.ids.rubric, port.id],
    });
    await n.services.articles.update(id, { headline: 'Без фотографии', body: { type: 'doc', content: [text('До снимка.')] }, coverImageId: null, rubricIds: [n.ids.rubric] });
    const editorActor = { id: editor.userId, role: 'editor' as const };
    await n.services.media.delete(editorActor, n.ids.image);
    await n.services.taxonomy.deleteRubric(editorActor, port.id);

    const [oldest] = await k.selectFrom('article_revisions').select('id').where('article_id', '=', id).orderBy('id').limit(1).execute();
    const res = await postForm(n, editor, `/admin/articles/${id}/revisions/${oldest!.id}/restore`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/articles/${id}?restored=1&images=1&rubrics=1&authors=0`);
    const page = (await n.app.inject({ url: res.headers.location as string, headers: { cookie: editor.cookie } })).body;
    expect(page).toContain('Версия восстановлена. Без того, чего больше нет: изображения: 1, рубрики: 1.');
    expect(page).toContain('value="С фотографией"');
    const row = await k.selectFrom('articles').select(['cover_image_id', 'body_json']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.cover_image_id).toBeNull();
    expect(JSON.parse(row.body_json)).toEqual({ type: 'doc', content: [text('До снимка.'), { type: 'blockquote', content: [text('Цитата.')] }] });
    const rubrics = await k.selectFrom('article_rubrics').select('rubric_id').where('article_id', '=', id).execute();
    expect(rubrics).toEqual([{ rubric_id: n.ids.rubric }]);
  });

  it('autosaves through the JSON endpoint with the CSRF header', async () => {
    const id = await create(editor);
    const body = new URLSearchParams({ headline: 'Автосохранено', body: JSON.stringify({ type: 'doc', content: [] }) }).toString();
    const res = await n.app.inject({ method: 'POST', url: `/admin/articles/${id}/autosave`, headers: { ...editor.headers, 'x-csrf-token': editor.csrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json().updatedAt).toMatch(/^\d{4}-/);
    const noToken = await n.app.inject({ method: 'POST', url: `/admin/articles/${id}/autosave`, headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect(noToken.statusCode).toBe(403);
  });

  it('refuses an autosave from staff without two-factor authentication when the owner requires it, and changes nothing', async () => {
    const id = await create(editor);
    await n.services.settings.set('staffTotpRequired', true);
    const res = await autosave(id, { headline: 'Без второго фактора' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: 'Владелец сайта требует двухфакторную аутентификацию. Включите её на странице «Моя учётная запись».' });
    const row = await n.db.kysely.selectFrom('articles').select('headline').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.headline).toBe('Паромы вернулись');
  });

  const autosave = (id: number, fields: Record<string, string>) =>
    n.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      headers: { ...editor.headers, 'x-csrf-token': editor.csrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const editorOf = async (id: number, query = '') => (await n.app.inject({ url: `/admin/articles/${id}${query}`, headers: { cookie: editor.cookie } })).body;
  const stampIn = (html: string) => /name="updatedAt" value="([^"]+)"/.exec(html)![1]!;
  const statusOf = async (id: number) => (await n.db.kysely.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('keeps an autosave of a published article from readers and the page cache until “Обновить на сайте”', async () => {
    const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'zhivoy', headline: 'Заголовок на сайте' });
    await n.app.inject('/news/zhivoy');
    expect(n.services.pageCache.size).toBe(1);
    const stamp = stampIn(await editorOf(id));
    const res = await autosave(id, { headline: 'Полуготовая правка', body: JSON.stringify({ type: 'doc', content: [] }), updatedAt: stamp });
    expect(res.statusCode).toBe(200);
    expect(res.json().pending).toBe(true);
    expect(n.services.pageCache.size).toBe(1);
    const cached = await n.app.inject('/news/zhivoy');
    expect(cached.body).toContain('Заголовок на сайте');
    expect(cached.body).not.toContain('Обновлено:');

    // Reopened, the editor brings the working copy back and says so; the revisions say which version is where.
    const page = await editorOf(id);
    expect(page).toContain('value="Полуготовая правка"');
    expect(page).toContain('Открыты неопубликованные изменения от 11.04.2024 10:54 (Test editor).');
    expect(page).toContain('Обновить на сайте');
    expect(page).toMatch(/<button type="submit" form="editor-form" name="action" value="discard" formnovalidate data-pending-only/);
    expect((await n.app.inject({ url: '/admin/articles/?status=published', headers: { cookie: editor.cookie } })).body).toContain('Опубликован</span> · неопубликованные изменения');
    const revisions = (await n.app.inject({ url: `/admin/articles/${id}/revisions`, headers: { cookie: editor.cookie } })).body;
    expect(revisions).toContain('· неопубликованные изменения');
    expect(revisions).toContain('· на сайте');

    const update = await postForm(n, editor, `/admin/articles/${id}`, article({ headline: 'Правка готова', updatedAt: stampIn(page), action: 'update' }));
    expect(update.statusCode).toBe(303);
    expect(update.headers.location).toBe(`/admin/articles/${id}?done=published`);
    expect(await editorOf(id, '?done=published')).toContain('Опубликовано');
    expect(n.services.pageCache.size).toBe(0);
    const live = await n.app.inject('/news/zhivoy');
    expect(live.body).toContain('Правка готова');
    expect(live.body).toContain('Обновлено:');
  });

  it('saves a live article with the plain Save into its working copy, and discards it', async () => {
    const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'zhivoy', headline: 'Заголовок на сайте' });
    const saved = await postForm(n, editor, `/admin/articles/${id}`, article({ headline: 'Не для читателей', updatedAt: stampIn(await editorOf(id)) }));
    expect(saved.headers.location).toBe(`/admin/articles/${id}?done=pending`);
    expect(await editorOf(id, '?done=pending')).toContain('Изменения сохранены, на сайте прежняя версия');
    expect((await n.app.inject('/news/zhivoy')).body).not.toContain('Не для читателей');
    await postForm(n, editor, `/admin/articles/${id}`, article({ headline: 'Не для читателей', lead: 'Другой лид.' }));
    // The revisions compare the site's version with the pending one, however many saves lie between.
    const revisions = (await n.app.inject({ url: `/admin/articles/${id}/revisions`, headers: { cookie: editor.cookie } })).body;
    expect(revisions).toMatch(/<del>[^<]*Заголовок/);
    const discarded = await postForm(n, editor, `/admin/articles/${id}`, article({ headline: 'Что угодно', action: 'discard' }));
    expect(discarded.headers.location).toBe(`/admin/articles/${id}?done=discarded`);
    const page = await editorOf(id, '?done=discarded');
    expect(page).toContain('value="Заголовок на сайте"');
    expect(page).toContain('Изменения отменены');
  });

  it('publishes what the form sends in one request, and says so', async () => {
    const id = await create(editor, { slug: 's-ekrana', lead: 'Старый лид.' });
    const res = await postForm(n, editor, `/admin/articles/${id}`, article({ slug: 's-ekrana', lead: 'Лид с экрана.', action: 'publish' }));
    expect(res.headers.location).toBe(`/admin/articles/${id}?done=published`);
    expect((await n.app.inject('/news/s-ekrana')).body).toContain('Лид с экрана.');

    const other = await create(editor, { headline: 'В очередь' });
    const scheduled = await postForm(n, editor, `/admin/articles/${other}`, article({ headline: 'В очередь с правкой', action: 'schedule', publishAt: '2024-04-11T17:05' }));
    expect(scheduled.headers.location).toBe(`/admin/articles/${other}?done=scheduled`);
    expect(await editorOf(other, '?done=scheduled')).toContain('Запланировано на 11.04.2024 17:05');
    expect((await n.services.articles.currentInput(n.db.kysely, other)).headline).toBe('В очередь с правкой');

    const own = await create(author, { headline: 'Заметка' });
    const submitted = await postForm(n, author, `/admin/articles/${own}`, article({ headline: 'Заметка с правкой', action: 'submit' }));
    expect(submitted.headers.location).toBe(`/admin/articles/${own}?done=submitted`);
    expect((await n.app.inject({ url: submitted.headers.location as string, headers: { cookie: author.cookie } })).body).toContain('Отправлено на проверку');
    expect(await statusOf(own)).toBe('review');
    expect((await postForm(n, author, `/admin/articles/${own}`, article({ action: 'publish' }))).statusCode).toBe(403);
  });

  it('publishes nothing when the save before it is refused, and keeps what was typed', async () => {
    const id = await create(editor, { slug: 'otkaz' });
    const invalid = await postForm(n, editor, `/admin/articles/${id}`, article({ headline: ' ', lead: 'Набранный лид.', action: 'publish' }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Заголовок не может быть пустым.');
    expect(invalid.body).toContain('Набранный лид.</textarea>');
    expect(await statusOf(id)).toBe('draft');

    const live = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'zhivoy', headline: 'Заголовок на сайте' });
    const stale = await postForm(n, editor, `/admin/articles/${live}`, article({ headline: 'Поверх чужой правки', updatedAt: '2000-01-01T00:00:00.000Z', action: 'update' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Кто-то сохранил этот материал');
    expect((await n.app.inject('/news/zhivoy')).body).toContain('Заголовок на сайте');
  });

  it('asks before withdrawing an article, with and without JavaScript', async () => {
    const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'zhivoy' });
    expect(await editorOf(id)).toContain('data-confirm="Снять материал с публикации?');
    const ask = await postForm(n, editor, `/admin/articles/${id}`, article({ action: 'unpublish' }));
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Да, снять с публикации');
    expect((await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'unpublish' })).statusCode).toBe(200);
    expect((await n.app.inject('/news/zhivoy')).statusCode).toBe(200);
    const confirmed = await postForm(n, editor, `/admin/articles/${id}/workflow`, { action: 'unpublish', confirm: '1' });
    expect(confirmed.headers.location).toBe(`/admin/articles/${id}?done=unpublished`);
    expect(await editorOf(id, '?done=unpublished')).toContain('Снято с публикации');
    expect((await n.app.inject('/news/zhivoy')).statusCode).toBe(410);
  });

  it('previews the fields on screen without saving them, never cached', async () => {
    const id = await create(editor, { headline: 'Сохранённый заголовок' });
    const res = await postForm(n, editor, `/admin/articles/${id}/preview`, article({ headline: 'Заголовок с экрана' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<h1>Заголовок с экрана</h1>');
    expect((await n.services.articles.currentInput(n.db.kysely, id)).headline).toBe('Сохранённый заголовок');
  });

  it('speaks English in an English back office', async () => {
    await n.services.settings.set('locale', 'en');
    const id = await publishArticle(n, '2024-04-11T07:00:00Z');
    await n.services.editorial.save({ id: editor.userId, role: 'editor' }, id, { headline: 'Pending' });
    const page = await editorOf(id);
    expect(page).toContain('Update on site');
    expect(page).toContain('Discard changes');
    expect(await editorOf(id, '?done=pending')).toContain('Changes saved; the site shows the previous version');
  });

  const autosaveAs = (s: StaffSession, id: number, fields: Record<string, string>) =>
    n.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      headers: { ...s.headers, 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('answers the editor’s script in the back office’s language: a validation error, a conflict, an author’s forbidden change', async () => {
    const id = await create(editor);
    const empty = await autosaveAs(editor, id, { headline: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION', message: 'Заголовок не может быть пустым.', details: ['headline: is required'] });
    const stale = await autosaveAs(editor, id, { headline: 'Поздно', updatedAt: '2000-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', message: 'Кто-то сохранил этот материал, пока вы его правили. Перезагрузите страницу, чтобы увидеть чужие изменения.' });
    const own = await create(author);
    expect((await postForm(n, author, `/admin/articles/${own}/workflow`, { action: 'submit' })).statusCode).toBe(303);
    const refused = await autosaveAs(author, own, { headline: 'После отправки' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', message: 'Авторы могут менять только свои черновики; публикуют редакторы.' });
  });

  it('says what is wrong in English in an English back office, on the page and to the script', async () => {
    await n.services.settings.set('locale', 'en');
    const id = await create(editor);
    const page = await postForm(n, editor, `/admin/articles/${id}`, article({ headline: ' ' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Some of the fields are not valid.');
    expect(page.body).toContain('The headline cannot be empty.');
    const json = await autosaveAs(editor, id, { headline: 'Late', updatedAt: '2000-01-01T00:00:00.000Z' });
    expect(json.json().error.message).toBe('Someone else saved this article in the meantime. Reload it to see their changes.');
  });

  it('answers a body of the wrong shape with 400, never 500', async () => {
    const json = await n.app.inject({ method: 'POST', url: '/admin/articles/', headers: { ...editor.headers, 'x-csrf-token': editor.csrf, 'content-type': 'application/json' }, payload: '{"headline":[" "],"body":{"x":1},"tags":{"a":1}}' });
    expect(json.statusCode).toBe(400);
    expect(json.body).toContain('Заголовок не может быть пустым.');
    const unknown = await postForm(n, editor, '/admin/articles/', article({ headline: ['Первый', 'Второй'], rubricId: ['999999'], authorId: ['424242'], coverImageId: '77777' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Одной из выбранных рубрик больше нет.');
    expect(unknown.body).toContain('Одного из выбранных авторов больше нет.');
    expect(unknown.body).toContain('Выбранной обложки больше нет в медиатеке.');
    const id = await create(editor);
    const translation = await postForm(n, editor, `/admin/articles/${id}`, article({ translationOf: '99999' }));
    expect(translation.statusCode).toBe(400);
    expect(translation.body).toContain('Материала с таким номером нет');
  });
});
