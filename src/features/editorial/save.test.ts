/**
 * A save, and every workflow action, decides and reads inside its own transaction: the policy on the row it writes,
 * the current input once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransactionBuilder } from 'kysely';
import pg from 'pg';
import { forEachDialect, PG_URL } from '../../../test/helpers/db.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { Actor } from '../accounts/policy.js';
import type { Database } from '../../storage/schema.js';
import { articleInput } from '../articles/command-store.js';

// The store as it is, with its read of an article's current input counted.
vi.mock('../articles/command-store.js', async (importOriginal) => {
  const store = await importOriginal<typeof import('../articles/command-store.js')>();
  return { ...store, articleInput: vi.fn(store.articleInput) };
});

forEachDialect('saving an article', (dialect) => {
  let n: Newsroom;
  let author: Actor;
  let editor: Actor;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    const user = async (role: 'author' | 'editor'): Promise<Actor> => ({ id: await n.services.accounts.createUser({ email: `${role}@example.com`, name: role, role, password: 'caspian-ferry-2024' }), role });
    author = await user('author');
    editor = await user('editor');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await n.close();
  });

  const draft = (headline: string) => ({ lang: 'ru' as const, headline, body: { type: 'doc' as const, content: [paragraph('Текст.')] }, rubricIds: [n.ids.rubric] });
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');
  const headlineOf = async (id: number) => (await n.services.articles.currentInput(n.db.kysely, id)).headline;

  /** Runs another person's command just as the next write transaction begins: after every read made before it. */
  function meanwhile(command: () => Promise<unknown>): void {
    const db = n.db.kysely;
    const begin = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => {
      const builder = begin();
      return Object.assign(Object.create(builder) as TransactionBuilder<Database>, {
        execute: async <T>(work: Parameters<typeof builder.execute<T>>[0]) => {
          await command();
          return builder.execute(work);
        },
      });
    });
  }

  it('refuses an author the save of their draft that an editor published meanwhile', async () => {
    const id = await n.services.editorial.create(author, draft('Черновик автора'));
    meanwhile(() => n.services.editorial.publish(editor, id));
    expect(await codeOf(n.services.editorial.save(author, id, { headline: 'Правка после публикации' }))).toBe('FORBIDDEN');
    expect(await n.services.articles.workingCopy(id)).toBeNull();
    expect(await headlineOf(id)).toBe('Черновик автора');
  });

  it('refuses an author a workflow button on their draft that an editor published meanwhile, saving nothing', async () => {
    const id = await n.services.editorial.create(author, draft('Черновик автора'));
    meanwhile(() => n.services.editorial.publish(editor, id));
    expect(await codeOf(n.services.editorial.saveAndAct(author, id, 'submit', { headline: 'На проверку' }))).toBe('FORBIDDEN');
    expect(await n.services.articles.workingCopy(id)).toBeNull();
    expect(await headlineOf(id)).toBe('Черновик автора');
  });

  it('decides a workflow action without the fields (submit, discard) on the article as it is inside the action', async () => {
    const submitted = await n.services.editorial.create(author, draft('Черновик на проверку'));
    meanwhile(() => n.services.editorial.publish(editor, submitted));
    expect(await codeOf(n.services.editorial.submit(author, submitted))).toBe('FORBIDDEN');
    const discarded = await n.services.editorial.create(author, draft('Черновик с правкой'));
    meanwhile(() => n.services.editorial.publish(editor, discarded));
    expect(await codeOf(n.services.editorial.discardChanges(author, discarded))).toBe('FORBIDDEN');
    expect(await codeOf(n.services.editorial.publish(author, discarded))).toBe('FORBIDDEN');
  });

  it("reads the article's current input once per save, whatever the article's state", async () => {
    const reads = vi.mocked(articleInput);
    const readsOf = async (save: () => Promise<unknown>) => {
      reads.mockClear();
      await save();
      return reads.mock.calls.length;
    };
    const own = await n.services.editorial.create(author, draft('Черновик'));
    expect(await readsOf(() => n.services.editorial.save(author, own, { headline: 'Правка' }))).toBe(1);
    const live = await publishArticle(n, '2024-04-11T07:00:00Z');
    expect(await readsOf(() => n.services.editorial.save(editor, live, { headline: 'В рабочую копию' }))).toBe(1);
    expect(await readsOf(() => n.services.editorial.save(editor, live, { lead: 'Ещё правка копии' }))).toBe(1);
    expect(await readsOf(() => n.services.editorial.saveAndAct(author, own, 'submit', { lead: 'Готово' }))).toBe(1);
    expect((await n.services.editorial.get(editor, own)).status).toBe('review');
  });
});

// SQLite serialises writers (every write transaction begins IMMEDIATE); PostgreSQL needs the save to lock the row.
describe.skipIf(!PG_URL)('saving an article that another connection is changing [postgres]', () => {
  it('waits for that change and decides the policy on it', async () => {
    const n = await createNewsroom('postgres', { now: '2024-04-11T07:54:00Z' });
    const other = new pg.Client({ connectionString: PG_URL });
    try {
      const author: Actor = { id: await n.services.accounts.createUser({ email: 'author@example.com', name: 'author', role: 'author', password: 'caspian-ferry-2024' }), role: 'author' };
      const id = await n.services.editorial.create(author, { lang: 'ru', headline: 'Черновик автора', body: { type: 'doc', content: [paragraph('Текст.')] } });
      await other.connect();
      await other.query(`set search_path to ${n.db.schema}`);
      await other.query('begin');
      await other.query(`update articles set status = 'published', published_at = '2024-04-11T07:00:00Z' where id = $1`, [id]);
      const saving = n.services.editorial.save(author, id, { headline: 'Правка после публикации' }).then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      );
      const waitingForLock = async () => (await other.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0]!.n > 0;
      await waitFor('the save to wait for the other transaction', waitingForLock);
      await other.query('commit');
      expect(await saving).toBe('FORBIDDEN');
      expect(await n.services.articles.workingCopy(id)).toBeNull();
      expect((await n.services.articles.currentInput(n.db.kysely, id)).headline).toBe('Черновик автора');
    } finally {
      await other.end();
      await n.close();
    }
  });
});
