/** The article editor's pages (list, new, edit with a photo, a working copy, revisions, withdrawal), the dashboard and media are valid HTML. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlProblems } from '../../../test/helpers/html.js';
import { createNewsroom, paragraph, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

describe('editor pages are valid HTML', () => {
  let n: Newsroom;
  let editor: StaffSession;
  let id: number;
  let live: number;

  beforeAll(async () => {
    n = await createNewsroom('sqlite');
    editor = await staffSession(n, 'editor');
    id = await n.services.editorial.create({ id: editor.userId, role: 'editor' }, {
      lang: 'ru',
      headline: 'Паромы',
      lead: 'Лид',
      body: { type: 'doc', content: [paragraph('Текст.'), { type: 'figure', attrs: { imageId: n.ids.image, caption: 'Порт', credit: 'Dateline', alt: 'Краны' } }] },
      rubricIds: [n.ids.rubric],
      tags: ['Каспий'],
    });
    await n.services.editorial.save({ id: editor.userId, role: 'editor' }, id, { headline: 'Паромы снова' });
    live = await n.services.editorial.create({ id: editor.userId, role: 'editor' }, { lang: 'ru', headline: 'На сайте', body: { type: 'doc', content: [paragraph('Текст.')] } });
    await n.services.editorial.publish({ id: editor.userId, role: 'editor' }, live);
    await n.services.editorial.save({ id: editor.userId, role: 'editor' }, live, { headline: 'Рабочая копия' });
  });

  afterAll(() => n?.close());

  const pages: Array<[name: string, url: () => string | Promise<{ statusCode: number; body: string }>, status: number]> = [
    ['dashboard', () => '/admin/', 200],
    ['article list', () => '/admin/articles/', 200],
    ['new article', () => '/admin/articles/new', 200],
    ['edit article', () => `/admin/articles/${id}?saved=1`, 200],
    ['a refused save', () => postForm(n, editor, `/admin/articles/${id}`, { headline: '', body_text: 'x' }), 400],
    ['revisions', () => `/admin/articles/${id}/revisions`, 200],
    ['a live article with unpublished changes', () => `/admin/articles/${live}`, 200],
    ['revisions of a live article', () => `/admin/articles/${live}/revisions`, 200],
    ['the withdrawal confirmation', () => postForm(n, editor, `/admin/articles/${live}/workflow`, { action: 'unpublish' }), 200],
    ['media library', () => '/admin/media/', 200],
    ['my account', () => '/admin/account/', 200],
  ];

  for (const [name, target, status] of pages) {
    it(name, async () => {
      const t = target();
      const res = typeof t === 'string' ? await n.app.inject({ url: t, headers: { cookie: editor.cookie } }) : await t;
      expect(res.statusCode).toBe(status);
      expect(await htmlProblems(res.body, name), `html-validate on ${name}`).toEqual([]);
    });
  }
});
