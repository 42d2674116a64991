import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
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

  describe('the working copy of a live article', () => {
    const revisedAt = async (id: number) => (await n.db.kysely.selectFrom('articles').select('revised_at').where('id', '=', id).executeTakeFirstOrThrow()).revised_at;
    const publicPage = async (slug: string) => (await n.app.inject(`/news/${slug}`)).body;
    const eventsSeen = () => {
      const seen: string[] = [];
      n.services.events.on((e) => seen.push(e.type));
      return seen;
    };

    it('keeps the edits of a published article from readers until they are published', async () => {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'zhivoy' });
      await publicPage('zhivoy');
      const seen = eventsSeen();
      n.clock.now = new Date('2024-04-11T08:00:00Z');
      expect(await n.services.editorial.save(actors.editor!, id, { headline: 'Полуготовая правка' })).toBe('pending');
      expect(seen).toEqual([]);
      expect(await publicPage('zhivoy')).not.toContain('Полуготовая правка');
      expect(await revisedAt(id)).toBeNull();
      const edited = await n.services.editorial.get(actors.editor!, id);
      expect(edited.input.headline).toBe('Полуготовая правка');
      expect(edited.workingCopy).toEqual({ updatedAt: '2024-04-11T08:00:00.000Z', byName: 'editor' });
      const marks = (await n.services.editorial.revisions(actors.editor!, id)).map((r) => r.mark);
      expect(marks).toEqual(['pending', 'live']);

      n.clock.now = new Date('2024-04-11T08:05:00Z');
      await n.services.editorial.publishChanges(actors.editor!, id);
      expect(seen).toEqual(['article.published']);
      expect(await publicPage('zhivoy')).toContain('Полуготовая правка');
      expect(await revisedAt(id)).toBe('2024-04-11T08:05:00.000Z');
      expect((await n.services.editorial.get(actors.editor!, id)).workingCopy).toBeNull();
      expect((await n.services.editorial.revisions(actors.editor!, id)).map((r) => r.mark)).toEqual(['live', null]);
      expect(await codeOf(n.services.editorial.publishChanges(actors.author!, id))).toBe('FORBIDDEN');
    });

    it('discards the working copy: the editor is back to what readers see, the revision stays in the history', async () => {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { headline: 'На сайте' });
      await n.services.editorial.save(actors.editor!, id, { headline: 'Черновая правка', lead: 'Новый лид' });
      await n.services.editorial.save(actors.editor!, id, { lead: 'Ещё лид' });
      expect((await n.services.editorial.get(actors.editor!, id)).input).toMatchObject({ headline: 'Черновая правка', lead: 'Ещё лид' });
      const seen = eventsSeen();
      await n.services.editorial.discardChanges(actors.editor!, id);
      expect(seen).toEqual([]);
      const back = await n.services.editorial.get(actors.editor!, id);
      expect(back.input.headline).toBe('На сайте');
      expect(back.workingCopy).toBeNull();
      expect((await n.services.editorial.revisions(actors.editor!, id)).map((r) => r.mark)).toEqual([null, null, 'live']);
    });

    it('keeps no working copy of a save that matches the site, so “Update on site” changes nothing', async () => {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { headline: 'На сайте' });
      await n.services.editorial.save(actors.editor!, id, { headline: 'Передумал' });
      expect(await n.services.editorial.save(actors.editor!, id, { headline: 'На сайте' })).toBe('saved');
      expect((await n.services.editorial.get(actors.editor!, id)).workingCopy).toBeNull();
      const seen = eventsSeen();
      await n.services.editorial.saveAndAct(actors.editor!, id, 'update', { headline: 'На сайте' });
      expect(seen).toEqual([]);
      expect(await revisedAt(id)).toBeNull();
    });

    it('compares bodies as the editor sends them, so a body stored in another spelling is not a change', async () => {
      const figure = { type: 'figure' as const, attrs: { caption: 'Порт', imageId: n.ids.image } };
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { body: { type: 'doc', content: [paragraph('Текст.'), figure] } });
      const asSent = { type: 'doc' as const, content: [paragraph('Текст.'), { type: 'figure' as const, attrs: { imageId: n.ids.image, caption: 'Порт', credit: '', alt: '' } }] };
      expect(await n.services.editorial.save(actors.editor!, id, { body: asSent })).toBe('saved');
    });

    it('refuses a save of the working copy from a stale page', async () => {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z');
      const opened = (await n.services.editorial.get(actors.editor!, id)).updatedAt;
      n.clock.now = new Date('2024-04-11T08:00:00Z');
      await n.services.editorial.save(actors.owner!, id, { headline: 'Владелец успел' }, opened);
      expect(await codeOf(n.services.editorial.save(actors.editor!, id, { headline: 'Поздно' }, opened))).toBe('CONFLICT');
      const stamp = (await n.services.editorial.get(actors.owner!, id)).updatedAt;
      n.clock.now = new Date('2024-04-11T08:01:00Z');
      expect(await codeOf(n.services.editorial.save(actors.owner!, id, { lead: 'Дальше' }, stamp))).toBe('ok');
      expect(await codeOf(n.services.editorial.save(actors.editor!, id, { lead: 'Поздно' }, stamp))).toBe('CONFLICT');
    });

    it('acts on the fields given: a workflow button saves them first, and a refused save publishes nothing', async () => {
      const id = await n.services.editorial.create(actors.editor!, draft('Черновик'));
      expect(await codeOf(n.services.editorial.saveAndAct(actors.editor!, id, 'publish', { headline: ' ' }))).toBe('VALIDATION');
      expect((await n.services.editorial.get(actors.editor!, id)).status).toBe('draft');
      const own = await n.services.editorial.create(actors.author!, draft('Своя'));
      expect(await codeOf(n.services.editorial.saveAndAct(actors.author!, own, 'publish', { headline: 'Тайком' }))).toBe('FORBIDDEN');
      expect((await n.services.editorial.get(actors.author!, own)).input.headline).toBe('Своя');
      expect(await codeOf(n.services.editorial.saveAndAct(actors.editor!, id, 'schedule', { headline: 'Рано' }, { publishAt: '2024-04-10T10:00' }))).toBe('VALIDATION');
      expect((await n.services.editorial.get(actors.editor!, id)).input.headline).toBe('Черновик');

      await n.services.editorial.saveAndAct(actors.editor!, id, 'schedule', { headline: 'В расписании' }, { publishAt: '2024-04-11T12:00' });
      await n.services.editorial.saveAndAct(actors.editor!, id, 'publish', { lead: 'С экрана' });
      const published = await n.services.editorial.get(actors.editor!, id);
      expect(published.status).toBe('published');
      expect(published.input).toMatchObject({ headline: 'В расписании', lead: 'С экрана' });
      expect(published.workingCopy).toBeNull();
      await n.services.editorial.saveAndAct(actors.editor!, id, 'update', { headline: 'Обновлено с экрана' });
      expect((await n.services.articles.currentInput(n.db.kysely, id)).headline).toBe('Обновлено с экрана');
    });

    it('lets the scheduler publish the scheduled version and keeps later edits waiting', async () => {
      const id = await n.services.editorial.create(actors.editor!, draft('Утренний выпуск'));
      await n.services.editorial.schedule(actors.editor!, id, '2024-04-11T11:00');
      expect(await n.services.editorial.save(actors.editor!, id, { headline: 'Недописано' })).toBe('pending');
      n.clock.now = new Date('2024-04-11T08:00:30Z');
      expect(await n.services.articles.publishDue()).toEqual([id]);
      expect((await n.app.inject('/')).body).toContain('Утренний выпуск');
      const after = await n.services.editorial.get(actors.editor!, id);
      expect(after.input.headline).toBe('Недописано');
      expect(after.workingCopy).not.toBeNull();
    });

    it('previews the given fields over the working copy without saving them', async () => {
      const id = await publishArticle(n, '2024-04-11T07:00:00Z', { headline: 'На сайте' });
      await n.services.editorial.save(actors.editor!, id, { lead: 'Лид из копии' });
      const seen = eventsSeen();
      const shown = await n.services.editorial.preview(actors.editor!, id, { headline: 'Только на экране' }, (db) =>
        db.selectFrom('articles').select(['headline', 'lead']).where('id', '=', id).executeTakeFirstOrThrow(),
      );
      expect(shown).toEqual({ headline: 'Только на экране', lead: 'Лид из копии' });
      expect(seen).toEqual([]);
      expect((await n.services.articles.currentInput(n.db.kysely, id)).headline).toBe('На сайте');
      expect((await n.services.editorial.get(actors.editor!, id)).input).toMatchObject({ headline: 'На сайте', lead: 'Лид из копии' });
      expect(await codeOf(n.services.editorial.preview(actors.author!, id, {}, async () => null))).toBe('FORBIDDEN');
    });
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
