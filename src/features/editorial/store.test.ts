import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDb, forEachDialect, type TestDb } from '../../../test/helpers/db.js';
import { insertArticleRow } from '../../../test/helpers/rows.js';
import { editorOptions } from './store.js';

forEachDialect('editorial store: the editor’s options', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(() => db.dispose());

  const image = (file: string, caption = '') =>
    db.kysely
      .insertInto('images')
      .values({ file, mime: 'image/jpeg', width: 800, height: 600, caption, credit: '', alt: '', created_at: '2024-05-01T10:00:00.000Z', uploaded_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();

  it('offers authors by name, flags before rubrics in their order, the newest images, the linked original and the body’s image files', async () => {
    const k = db.kysely;
    await k.insertInto('authors').values([
      { slug: 'zoya', name: 'Зоя', translations: '{}', bio: '', role_title: '', photo_image_id: null },
      { slug: 'anna', name: 'Анна', translations: '{"en":{"name":"Anna"}}', bio: '', role_title: '', photo_image_id: null },
    ]).execute();
    await k.insertInto('rubrics').values([
      { slug: 'economy', name: 'Экономика', translations: '{}', is_flag: 0, position: 2 },
      { slug: 'world', name: 'Мир', translations: '{}', is_flag: 0, position: 1 },
      { slug: 'story', name: 'История дня', translations: '{}', is_flag: 1, position: 3 },
    ]).execute();
    const older = await image('port.jpg', 'Порт');
    const newer = await image('cranes.jpg');
    const original = await insertArticleRow(k, { slug: 'ferries', lang: 'en', headline: 'Ferries are back' });

    const options = await editorOptions(k, { linkedId: original, bodyImageIds: [older.id] });
    expect(options.authors.map((a) => a.name)).toEqual(['Анна', 'Зоя']);
    expect(options.authors[0]!.translations).toBe('{"en":{"name":"Anna"}}');
    expect(options.rubrics.map((r) => [r.name, r.is_flag])).toEqual([['История дня', 1], ['Мир', 0], ['Экономика', 0]]);
    expect(options.images).toEqual([{ id: newer.id, caption: '', file: 'cranes.jpg' }, { id: older.id, caption: 'Порт', file: 'port.jpg' }]);
    expect(options.linked).toEqual({ id: original, headline: 'Ferries are back', lang: 'en' });
    expect(options.bodyImages).toEqual([{ id: older.id, file: 'port.jpg' }]);
  });

  it('links nothing and reads no body images when there are none, and finds no original that is gone', async () => {
    expect(await editorOptions(db.kysely, { linkedId: null, bodyImageIds: [] })).toMatchObject({ linked: null, bodyImages: [] });
    expect((await editorOptions(db.kysely, { linkedId: 424242, bodyImageIds: [] })).linked).toBeNull();
  });
});
