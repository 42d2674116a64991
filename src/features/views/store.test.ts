import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDb, forEachDialect, type TestDb } from '../../../test/helpers/db.js';
import { insertArticleRow } from '../../../test/helpers/rows.js';
import { addViews } from './store.js';

forEachDialect('views store', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(() => db.dispose());

  it('adds views to the total and to the day, starting a day at its first views and adding to it after', async () => {
    const id = await insertArticleRow(db.kysely, { slug: 'ferries', status: 'published', view_count: 10 });
    const other = await insertArticleRow(db.kysely, { slug: 'port' });
    await addViews(db.kysely, id, '2024-05-01', 3);
    await addViews(db.kysely, id, '2024-05-01', 2);
    await addViews(db.kysely, id, '2024-05-02', 1);
    await db.kysely.transaction().execute((trx) => addViews(trx, other, '2024-05-01', 4));
    const totals = await db.kysely.selectFrom('articles').select(['id', 'view_count']).orderBy('id').execute();
    expect(totals).toEqual([
      { id, view_count: 16 },
      { id: other, view_count: 4 },
    ]);
    const days = await db.kysely.selectFrom('article_daily_views').select(['article_id', 'day', 'views']).orderBy('article_id').orderBy('day').execute();
    expect(days).toEqual([
      { article_id: id, day: '2024-05-01', views: 5 },
      { article_id: id, day: '2024-05-02', views: 1 },
      { article_id: other, day: '2024-05-01', views: 4 },
    ]);
  });
});
