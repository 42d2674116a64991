/**
 * The public pages are valid, accessible HTML: home, an article with a rich body, a day archive and
 * the 404 page, rendered through app.inject() and checked with html-validate's recommended rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlProblems } from '../../../test/helpers/html.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

describe('public pages are valid HTML', () => {
  let n: Newsroom;

  beforeAll(async () => {
    n = await createNewsroom('sqlite');
    await n.services.settings.set('channels', [
      { network: 'telegram', label: 'Telegram', url: 'https://t.me/example' },
      { network: 'vk', label: 'ВКонтакте', url: 'https://vk.com/example' },
    ]);
    await publishArticle(n, '2024-04-10T09:00:00Z', { slug: 'vchera', headline: 'Вчерашний материал', tags: ['Каспий'] });
    await publishArticle(n, '2024-04-11T07:54:00Z', {
      slug: 'paromy',
      headline: 'Паромы вернулись к графику',
      lead: 'Движение через Каспий восстановлено.',
      city: 'Актау',
      authors: [{ authorId: n.ids.author, role: 'Международный обозреватель' }],
      rubricIds: [n.ids.rubric, n.ids.flag],
      tags: ['Каспий', 'паромы'],
      coverImageId: n.ids.image,
      body: {
        type: 'doc',
        content: [
          paragraph('Первый абзац.'),
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Жирный', marks: [{ type: 'bold' }] },
              { type: 'text', text: ' и ' },
              { type: 'text', text: 'курсив', marks: [{ type: 'italic' }] },
              { type: 'text', text: ', а также ' },
              { type: 'text', text: 'ссылка', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
              { type: 'hardBreak' },
              { type: 'text', text: 'после переноса.' },
            ],
          },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Очередь' }] },
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'По порядку' }] },
          { type: 'blockquote', attrs: { cite: 'диспетчер' }, content: [paragraph('Это обычное дело.')] },
          { type: 'figure', attrs: { imageId: n.ids.image, caption: 'Паром у причала', credit: 'Фото: Dateline', alt: 'Белый паром' } },
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Первый пункт')] }, { type: 'listItem', content: [paragraph('Второй пункт')] }] },
          { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('Шаг один')] }] },
        ],
      },
    });
    await publishArticle(n, '2024-04-11T09:30:00Z', { slug: 'pozzhe', headline: 'Более поздний материал' });
  });

  afterAll(() => n?.close());

  const pages: Array<[name: string, url: string, status: number]> = [
    ['home page', '/', 200],
    ['article page', '/news/paromy', 200],
    ['English home page', '/en/', 200],
    ['day archive', '/2024/04/11/', 200],
    ['404 page', '/no-such-page', 404],
  ];

  for (const [name, url, status] of pages) {
    it(`${name} (${url})`, async () => {
      const res = await n.app.inject(url);
      expect(res.statusCode).toBe(status);
      const problems = await htmlProblems(res.body, url);
      expect(problems, `html-validate on ${url}`).toEqual([]);
    });
  }
});
