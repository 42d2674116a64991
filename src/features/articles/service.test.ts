import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, draftArticle, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { Actor } from '../accounts/policy.js';
import type { BodyDoc } from './body.js';

forEachDialect('article commands store only whitelisted bodies', (dialect) => {
  let n: Newsroom;
  let editor: Actor;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    editor = { id: await n.services.accounts.createUser({ email: 'editor@example.com', name: 'editor', role: 'editor', password: 'caspian-ferry-2024' }), role: 'editor' };
  });
  afterEach(() => n.close());

  /** What a client may send: unknown nodes, a javascript: link, attributes no node has. */
  const dirty = () =>
    ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'steal()' },
          content: [
            { type: 'text', text: 'Порт ', marks: [{ type: 'bold', attrs: { style: 'color:red' } }, { type: 'script' }] },
            { type: 'text', text: 'ссылка', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'figure', attrs: { imageId: n.ids.image, caption: 'Краны', onerror: 'alert(1)' } },
      ],
    }) as unknown as BodyDoc;
  const clean = () => ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Порт ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'ссылка' }] },
      { type: 'figure', attrs: { imageId: n.ids.image, caption: 'Краны' } },
    ],
  });

  const stored = async (id: number) => {
    const row = await n.db.kysely.selectFrom('articles').select(['body_json', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body_html).not.toMatch(/script|javascript|onerror|onclick|style/);
    return JSON.parse(row.body_json) as unknown;
  };
  const lastRevisionBody = async (id: number) => {
    const row = await n.db.kysely.selectFrom('article_revisions').select('snapshot').where('article_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    return (JSON.parse(row.snapshot) as { body: unknown }).body;
  };

  it('on a draft created or saved through ArticleService, as the demo loader and imports call it', async () => {
    const created = await draftArticle(n, { body: dirty() });
    expect(await stored(created)).toEqual(clean());
    expect(await lastRevisionBody(created)).toEqual(clean());
    const saved = await draftArticle(n);
    await n.services.articles.update(saved, { body: dirty() });
    expect(await stored(saved)).toEqual(clean());
    expect(await lastRevisionBody(saved)).toEqual(clean());
  });

  it('on a draft created or saved through EditorialService, as the form and the autosave call it', async () => {
    const created = await n.services.editorial.create(editor, { lang: 'ru', headline: 'Паромы', body: dirty() });
    expect(await stored(created)).toEqual(clean());
    const saved = await n.services.editorial.create(editor, { lang: 'ru', headline: 'Паромы', body: { type: 'doc', content: [paragraph('Текст.')] } });
    await n.services.editorial.save(editor, saved, { body: dirty() });
    expect(await stored(saved)).toEqual(clean());
  });

  it("in a live article's working copy, and on the site once it is published", async () => {
    const id = await publishArticle(n, '2024-04-11T07:00:00Z');
    expect(await n.services.editorial.save(editor, id, { body: dirty() })).toBe('pending');
    expect((await n.services.articles.workingCopy(id))?.input.body).toEqual(clean());
    expect(await lastRevisionBody(id)).toEqual(clean());
    await n.services.editorial.publishChanges(editor, id);
    expect(await stored(id)).toEqual(clean());
  });

  it("stores a figure's empty caption, credit and alt text as absent, so the image's own texts show", async () => {
    const figure = { type: 'figure' as const, attrs: { imageId: n.ids.image, caption: '', credit: '', alt: '' } };
    const id = await draftArticle(n, { body: { type: 'doc', content: [figure] } });
    expect(await stored(id)).toEqual({ type: 'doc', content: [{ type: 'figure', attrs: { imageId: n.ids.image } }] });
    const { body_html } = await n.db.kysely.selectFrom('articles').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
    expect(body_html).toContain('alt="Краны в порту"');
    expect(body_html).toContain('<figcaption><span class="caption">Порт</span> <span class="credit">Dateline</span></figcaption>');
  });
});
