import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { Actor } from '../accounts/policy.js';
import { TRANSLATION_NOT_VISIBLE } from '../articles/service.js';

forEachDialect('linking translations', (dialect) => {
  let n: Newsroom;
  let author: Actor;
  let other: Actor;
  let editor: Actor;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    const user = async (role: 'author' | 'editor', email: string): Promise<Actor> => ({ id: await n.services.accounts.createUser({ email, name: email, role, password: 'caspian-ferry-2024' }), role });
    author = await user('author', 'author@example.com');
    other = await user('author', 'other@example.com');
    editor = await user('editor', 'editor@example.com');
  });
  afterEach(() => n.close());

  const draft = (headline: string, lang: 'ru' | 'en' = 'ru') => ({ lang, headline, body: { type: 'doc' as const, content: [paragraph('Текст.')] } });
  const groupOf = async (id: number) => (await n.db.kysely.selectFrom('articles').select('translation_group').where('id', '=', id).executeTakeFirstOrThrow()).translation_group;
  const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; details?: string[] }) => `${e.code}${e.details?.includes(TRANSLATION_NOT_VISIBLE) ? ' not visible' : ''}`);

  it("refuses an author a link to another's draft, and leaves that draft's row alone", async () => {
    const foreign = await n.services.editorial.create(other, draft('Чужой черновик'));
    const own = await n.services.editorial.create(author, draft('Ferries', 'en'));
    expect(await refusal(n.services.editorial.save(author, own, { translationOf: foreign }))).toBe('VALIDATION not visible');
    expect(await refusal(n.services.editorial.create(author, { ...draft('Ferries again', 'en'), translationOf: foreign }))).toBe('VALIDATION not visible');
    expect(await groupOf(foreign)).toBeNull();
    expect(await groupOf(own)).toBeNull();
  });

  it('lets an author link to a published article or to their own, writing the group on the original', async () => {
    const published = await n.services.editorial.create(other, draft('Опубликованный'));
    await n.services.editorial.publish(editor, published);
    const ownOriginal = await n.services.editorial.create(author, draft('Свой оригинал'));
    const first = await n.services.editorial.create(author, { ...draft('Published one, translated', 'en'), translationOf: published });
    expect(await groupOf(published)).toBe(published);
    expect(await groupOf(first)).toBe(published);
    const second = await n.services.editorial.create(author, draft('Own one, translated', 'en'));
    await n.services.editorial.save(author, second, { translationOf: ownOriginal });
    expect(await groupOf(ownOriginal)).toBe(ownOriginal);
    expect((await n.services.editorial.get(author, second)).input.translationOf).toBe(ownOriginal);
  });

  it('keeps a link an editor made when the author saves, but refuses to change it on an article the author may not edit', async () => {
    const foreign = await n.services.editorial.create(other, draft('Чужой черновик'));
    const own = await n.services.editorial.create(author, draft('Ferries', 'en'));
    await n.services.editorial.save(editor, own, { translationOf: foreign });
    await n.services.editorial.save(author, own, { headline: 'Ferries are back', translationOf: foreign });
    expect(await groupOf(own)).toBe(foreign);
    const published = await n.services.editorial.create(author, draft('Published', 'en'));
    await n.services.editorial.publish(editor, published);
    expect(await refusal(n.services.articles.update(published, { translationOf: own }, { by: author.id, actor: author }))).toBe('FORBIDDEN');
  });

  it('offers an author published articles and their own, an editor every article, found by part of the headline in any case', async () => {
    const foreign = await n.services.editorial.create(other, draft('Паромы: чужой черновик'));
    const published = await n.services.editorial.create(other, draft('Паромы вернулись к графику'));
    await n.services.editorial.publish(editor, published);
    const own = await n.services.editorial.create(author, draft('Мой текст о паромах'));
    await n.services.editorial.create(author, draft('Ferries in English', 'en'));
    const headlines = async (actor: Actor, q?: string) => (await n.services.editorial.translationCandidates(actor, { lang: 'ru', q })).items.map((i) => i.id);
    expect(await headlines(author)).toEqual([own, published]);
    expect(await headlines(editor)).toEqual([own, published, foreign]);
    expect(await headlines(author, 'паромы')).toEqual([published]);
    expect(await headlines(author, 'ПАРОМ')).toEqual([own, published]);
    expect(await headlines(editor, 'к граф')).toEqual([published]);
    expect(await headlines(editor, '%')).toEqual([]);
  });

  it('pages the candidates by id, twenty at a time', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(await n.services.editorial.create(editor, draft(`Port story ${i}`, 'en')));
    const first = await n.services.editorial.translationCandidates(editor, { lang: 'en', q: 'PORT' });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.id).toBe(ids[24]);
    const second = await n.services.editorial.translationCandidates(editor, { lang: 'en', q: 'port', before: first.next! });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(0, 5).reverse());
    expect(second.next).toBeNull();
  });
});
