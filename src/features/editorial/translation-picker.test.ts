import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';
import { htmlProblems } from '../../../test/helpers/html.js';
import type { Actor } from '../accounts/policy.js';

forEachDialect('the "Translation of" picker', (dialect) => {
  let n: Newsroom;
  let author: StaffSession;
  let editor: StaffSession;
  let other: Actor;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    author = await staffSession(n, 'author');
    editor = await staffSession(n, 'editor');
    other = { id: (await staffSession(n, 'author')).userId, role: 'author' };
  });
  afterEach(() => n.close());

  const draft = (headline: string, lang: 'ru' | 'en' = 'en') => ({ lang, headline, body: { type: 'doc' as const, content: [paragraph('Text.')] } });
  const asActor = (s: StaffSession, role: Actor['role']): Actor => ({ id: s.userId, role });
  const candidates = (s: StaffSession, query: string) => n.app.inject({ url: `/admin/api/articles/translation-candidates?${query}`, headers: { cookie: s.cookie } });
  const headlinesOf = (res: { json: () => unknown }) => (res.json() as { items: Array<{ headline: string }> }).items.map((i) => i.headline);

  async function newsroomArticles() {
    const e = n.services.editorial;
    const secret = await e.create(other, draft('Ferry strike: secret draft'));
    const published = await e.create(other, draft('Ferry timetable is back'));
    await e.publish(asActor(editor, 'editor'), published);
    const own = await e.create(asActor(author, 'author'), draft('My ferry notes'));
    const translation = await e.create(asActor(author, 'author'), draft('Паромы вернулись', 'ru'));
    return { secret, published, own, translation };
  }

  it("lists no other author's draft to an author, in the form or the endpoint", async () => {
    const { translation } = await newsroomArticles();
    const page = await n.app.inject({ url: `/admin/articles/${translation}?translationQ=ferry`, headers: { cookie: author.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ferry timetable is back');
    expect(page.body).toContain('My ferry notes');
    expect(page.body).not.toContain('secret draft');
    expect(await htmlProblems(page.body)).toEqual([]);
    const plain = await n.app.inject({ url: `/admin/articles/${translation}`, headers: { cookie: author.cookie } });
    expect(plain.body).not.toContain('Ferry');
    const res = await candidates(author, 'lang=en');
    expect(res.statusCode).toBe(200);
    expect(headlinesOf(res)).toEqual(['My ferry notes', 'Ferry timetable is back']);
    expect(headlinesOf(await candidates(editor, 'lang=en'))).toEqual(['My ferry notes', 'Ferry timetable is back', 'Ferry strike: secret draft']);
  });

  it('finds an article by part of its headline in any case, and answers bad input with 400', async () => {
    await newsroomArticles();
    expect(headlinesOf(await candidates(editor, `lang=en&q=${encodeURIComponent('TIMETABLE IS')}`))).toEqual(['Ferry timetable is back']);
    expect(headlinesOf(await candidates(editor, 'lang=en&q=notes'))).toEqual(['My ferry notes']);
    expect(headlinesOf(await candidates(editor, `lang=ru&q=${encodeURIComponent('паромы')}`))).toEqual(['Паромы вернулись']);
    expect(headlinesOf(await candidates(editor, `lang=ru&q=${encodeURIComponent('ВЕРНУЛ')}`))).toEqual(['Паромы вернулись']);
    expect(headlinesOf(await candidates(editor, `lang=en&q=${encodeURIComponent('_')}`))).toEqual([]);
    const bad = await candidates(editor, 'lang=de');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: string[] } }).error.details).toEqual(['lang: must be ru or en']);
    const anonymous = await n.app.inject({ url: '/admin/api/articles/translation-candidates?lang=en' });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses an author's link to another's draft with a translated message, and shows a link with its headline", async () => {
    const { secret, published, translation } = await newsroomArticles();
    const refused = await postForm(n, author, `/admin/articles/${translation}`, { headline: 'Паромы вернулись', body_text: 'Текст.', translationOf: String(secret) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Перевод можно связать только с опубликованным материалом или со своим.');
    expect(refused.body).not.toContain('secret draft');
    const saved = await postForm(n, author, `/admin/articles/${translation}`, { headline: 'Паромы вернулись', body_text: 'Текст.', translationOf: String(published) });
    expect(saved.statusCode).toBe(303);
    const page = await n.app.inject({ url: `/admin/articles/${translation}`, headers: { cookie: author.cookie } });
    expect(page.body).toContain(`Сейчас перевод материала: <a href="/admin/articles/${published}">[en] Ferry timetable is back (№${published})</a>`);
    expect(page.body).toContain(`name="translationOf" value="${published}"`);
  });

  it('refuses an article as a translation of itself, saying so in the back office\'s language', async () => {
    const { translation } = await newsroomArticles();
    const refused = await postForm(n, author, `/admin/articles/${translation}`, { headline: 'Паромы вернулись', body_text: 'Текст.', translationOf: String(translation) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Материал не может быть переводом самого себя: выберите другой оригинал.');
  });
});
