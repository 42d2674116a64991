/**
 * The site-management pages of the back office (rubrics and tags, authors, settings) and the public
 * author page with a photo are valid HTML under html-validate's recommended rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlProblems } from '../../../test/helpers/html.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

describe('site-management pages are valid HTML', () => {
  let n: Newsroom;
  let owner: StaffSession;

  beforeAll(async () => {
    n = await createNewsroom('sqlite');
    owner = await staffSession(n, 'owner');
    await n.services.settings.set('channels', [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/example' }]);
    await publishArticle(n, '2024-04-10T09:00:00Z', { slug: 'one', tags: ['Каспий', 'Порт Актау'] });
    await n.db.kysely.updateTable('authors').set({ photo_image_id: n.ids.image, bio: 'Пишет о Каспии.' }).where('id', '=', n.ids.author).execute();
    await postForm(n, owner, `/admin/taxonomy/rubrics/${n.ids.rubric}`, { name: 'Экономика', name_en: 'Economy', slug: 'business' });
  });

  afterAll(() => n?.close());

  const pages: Array<[name: string, url: string | (() => Promise<{ statusCode: number; body: string }>), status: number]> = [
    ['rubrics and tags', '/admin/taxonomy/?done=renamed', 200],
    ['rubrics and tags, a refused change', () => postForm(n, owner, `/admin/taxonomy/rubrics/${n.ids.rubric}/delete`, {}), 409],
    ['authors', '/admin/authors/', 200],
    ['new author', '/admin/authors/new', 200],
    ['edit author', '/admin/authors/1?saved=1', 200],
    ['settings', '/admin/settings/?saved=1', 200],
    ['settings with problems', () => postForm(n, owner, '/admin/settings/', { name: '', time_zone: 'Mars/Olympus', week_start: '1', locale: 'ru', 'channel_network[]': 'vk', 'channel_label[]': '', 'channel_url[]': 'x' }), 400],
  ];

  for (const [name, url, status] of pages) {
    it(name, async () => {
      const res = typeof url === 'string' ? await n.app.inject({ url, headers: { cookie: owner.cookie } }) : await url();
      expect(res.statusCode).toBe(status);
      expect(await htmlProblems(res.body, name), `html-validate on ${name}`).toEqual([]);
    });
  }

  it('public author page with a photo', async () => {
    const res = await n.app.inject('/author/anna/');
    expect(res.body).toContain('class="author-photo"');
    expect(await htmlProblems(res.body, '/author/anna/')).toEqual([]);
  });
});
