import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { Actor } from '../accounts/policy.js';
import type { Role } from '../../storage/schema.js';

forEachDialect('editorial service', (dialect) => {
  let n: Newsroom;
  const actors: Record<string, Actor> = {};
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    for (const role of ['owner', 'editor', 'author', 'moderator'] as Role[]) {
      const id = await n.services.accounts.createUser({ email: `${role}@example.com`, name: role, role, password: 'caspian-ferry-2024' });
      actors[role] = { id, role };
    }
    actors.otherAuthor = { id: await n.services.accounts.createUser({ email: 'other@example.com', name: 'other', role: 'author', password: 'caspian-ferry-2024' }), role: 'author' };
  });
  afterEach(() => n.close());

  const draft = (title = 'Паромы') => ({ lang: 'ru' as const, headline: title, body: { type: 'doc' as const, content: [paragraph('Текст.')] }, rubricIds: [n.ids.rubric] });
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');

  it('enforces the policy on every action, including a guessed article id', async () => {
    const own = await n.services.editorial.create(actors.author!, draft('Своя'));
    const foreign = await n.services.editorial.create(actors.otherAuthor!, draft('Чужая'));
    const e = n.services.editorial;
    expect(await codeOf(e.save(actors.author!, own, { headline: 'Правка' }))).toBe('ok');
    expect(await codeOf(e.save(actors.author!, foreign, { headline: 'Взлом' }))).toBe('FORBIDDEN');
    expect(await codeOf(e.get(actors.author!, foreign))).toBe('FORBIDDEN');
    expect(await codeOf(e.publish(actors.author!, own))).toBe('FORBIDDEN');
    expect(await codeOf(e.schedule(actors.author!, own, '2024-04-12T10:00'))).toBe('FORBIDDEN');
    expect(await codeOf(e.submit(actors.author!, own))).toBe('ok');
    expect(await codeOf(e.save(actors.author!, own, { headline: 'После отправки' }))).toBe('FORBIDDEN');
    expect(await codeOf(e.create(actors.moderator!, draft()))).toBe('FORBIDDEN');
    expect(await codeOf(e.save(actors.moderator!, own, { headline: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(e.publish(actors.editor!, own))).toBe('ok');
    expect(await codeOf(e.unpublish(actors.author!, own))).toBe('FORBIDDEN');
    expect(await codeOf(e.unpublish(actors.owner!, own))).toBe('ok');
    expect(await codeOf(e.save(actors.editor!, 99_999, { headline: 'x' }))).toBe('ARTICLE_NOT_FOUND');
    const { items } = await e.list(actors.author!, {});
    expect(items.map((i) => i.headline)).toEqual(['Правка']);
    expect((await e.list(actors.editor!, {})).total).toBe(2);
  });

  it('searches headlines ignoring case in any alphabet, with % and _ taken literally', async () => {
    for (const headline of ['Рост на 50%', 'Рост на 500 тонн', 'Port of Aktau', 'Порт Актау', 'a_b', 'axb']) await n.services.editorial.create(actors.editor!, draft(headline));
    const search = async (q: string) => (await n.services.editorial.list(actors.editor!, { q })).items.map((i) => i.headline).sort();
    expect(await search('50%')).toEqual(['Рост на 50%']);
    expect(await search('a_b')).toEqual(['a_b']);
    expect(await search('port')).toEqual(['Port of Aktau']);
    expect(await search('ПОРТ')).toEqual(['Порт Актау']);
  });

  it('keeps authors from setting or clearing the Story of the day', async () => {
    const id = await n.services.editorial.create(actors.author!, { ...draft(), rubricIds: [n.ids.rubric, n.ids.flag] });
    expect((await n.services.articles.currentInput(n.db.kysely, id)).rubricIds).toEqual([n.ids.rubric]);
    await n.services.editorial.save(actors.editor!, id, { rubricIds: [n.ids.rubric, n.ids.flag] });
    await n.services.editorial.save(actors.editor!, id, { headline: 'ок' });
    expect((await n.services.articles.currentInput(n.db.kysely, id)).rubricIds?.sort()).toEqual([n.ids.rubric, n.ids.flag].sort());
  });

  it('has one Story of the day per day and language: the previous one is demoted', async () => {
    const first = await n.services.editorial.create(actors.editor!, { ...draft('Первая'), rubricIds: [n.ids.flag] });
    await n.services.editorial.publish(actors.editor!, first);
    const second = await n.services.editorial.create(actors.editor!, { ...draft('Вторая'), rubricIds: [n.ids.flag] });
    await n.services.editorial.publish(actors.editor!, second);
    expect((await n.services.articles.currentInput(n.db.kysely, first)).rubricIds).toEqual([]);
    expect((await n.services.articles.currentInput(n.db.kysely, second)).rubricIds).toEqual([n.ids.flag]);
    const english = await n.services.editorial.create(actors.editor!, { ...draft('English'), lang: 'en', rubricIds: [n.ids.flag] });
    await n.services.editorial.publish(actors.editor!, english);
    expect((await n.services.articles.currentInput(n.db.kysely, second)).rubricIds).toEqual([n.ids.flag]);
  });

  it('schedules in the site zone and publishes exactly once when the time comes, even after downtime', async () => {
    const id = await n.services.editorial.create(actors.editor!, draft('По расписанию'));
    const at = await n.services.editorial.schedule(actors.editor!, id, '2024-04-11T11:00');
    expect(at.toISOString()).toBe('2024-04-11T08:00:00.000Z');
    expect(await codeOf(n.services.editorial.schedule(actors.editor!, id, '2024-04-11T10:00'))).toBe('VALIDATION');
    expect(await n.services.articles.publishDue()).toEqual([]);
    expect((await n.app.inject('/')).body).not.toContain('По расписанию');
    n.clock.now = new Date('2024-04-11T09:30:00Z'); // the server was down at 11:00 and comes back at 12:30
    const published: number[] = [];
    n.services.events.on((e) => e.type === 'article.published' && published.push(e.articleId));
    const [a, b] = await Promise.all([n.services.articles.publishDue(), n.services.articles.publishDue()]);
    expect([...a, ...b]).toEqual([id]);
    expect(published).toEqual([id]);
    const home = await n.app.inject('/');
    expect(home.body).toContain('По расписанию');
    expect(home.body).toContain('<a href="/2024/04/11/"');
  });

  it('records a revision per save, diffs two of them, and restores one', async () => {
    const id = await n.services.editorial.create(actors.editor!, draft('Первый заголовок'));
    await n.services.editorial.save(actors.editor!, id, { headline: 'Второй заголовок', lead: 'Новый лид' });
    const revisions = await n.services.editorial.revisions(actors.editor!, id);
    expect(revisions).toHaveLength(2);
    expect(revisions[0]!.user_name).toBe('editor');
    const [newest, oldest] = revisions;
    const diff = await n.services.editorial.diff(actors.editor!, id, oldest!.id, newest!.id);
    expect(diff.map((d) => d.field)).toEqual(['headline', 'lead']);
    expect(diff[0]!.parts).toEqual([
      { op: 'removed', text: 'Первый' },
      { op: 'added', text: 'Второй' },
      { op: 'same', text: ' заголовок' },
    ]);
    await n.services.editorial.restore(actors.editor!, id, oldest!.id);
    expect((await n.services.editorial.get(actors.editor!, id)).input.headline).toBe('Первый заголовок');
    expect(await n.services.editorial.revisions(actors.editor!, id)).toHaveLength(3);
  });

  it('refuses a save based on a stale copy', async () => {
    const id = await n.services.editorial.create(actors.editor!, draft());
    const { updatedAt } = await n.services.editorial.get(actors.editor!, id);
    n.clock.now = new Date('2024-04-11T08:00:00Z');
    await n.services.editorial.save(actors.owner!, id, { headline: 'Владелец успел' }, updatedAt);
    expect(await codeOf(n.services.editorial.save(actors.editor!, id, { headline: 'Поздно' }, updatedAt))).toBe('CONFLICT');
  });
});

forEachDialect('tags typed by an old name', (dialect) => {
  it('files the article under the tag that old name became', async () => {
    const n = await createNewsroom(dialect);
    try {
      const { TaxonomyService } = await import('../taxonomy/service.js');
      const editor = { id: await n.services.accounts.createUser({ email: 'ed@example.com', name: 'ed', role: 'editor', password: 'caspian-ferry-2024' }), role: 'editor' as const };
      const first = await n.services.editorial.create(editor, { lang: 'ru', headline: 'Один', body: { type: 'doc', content: [] }, tags: ['Порт Актау'] });
      const tag = await n.db.kysely.selectFrom('tags').select('id').where('slug', '=', 'port-aktau').executeTakeFirstOrThrow();
      await new TaxonomyService(n.db.kysely, n.services.events).renameTag(editor, tag.id, { name: 'Порт Актау (Казахстан)' });
      const second = await n.services.editorial.create(editor, { lang: 'ru', headline: 'Два', body: { type: 'doc', content: [] }, tags: ['порт актау'] });
      const tagsOf = async (id: number) => (await n.services.articles.currentInput(n.db.kysely, id)).tags;
      expect(await tagsOf(first)).toEqual(['Порт Актау (Казахстан)']);
      expect(await tagsOf(second)).toEqual(['Порт Актау (Казахстан)']);
      expect(await n.db.kysely.selectFrom('tags').selectAll().execute()).toHaveLength(1);
    } finally {
      await n.close();
    }
  });
});
