import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDb, forEachDialect, type TestDb } from '../../../test/helpers/db.js';
import { insertArticleRow } from '../../../test/helpers/rows.js';
import * as store from './store.js';

forEachDialect('media store', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(() => db.dispose());

  const image = (file: string, text: { caption?: string; credit?: string; alt?: string }, createdAt: string) =>
    store.insertImage(db.kysely, { file, mime: 'image/jpeg', width: 800, height: 600, caption: '', credit: '', alt: '', ...text, created_at: createdAt, uploaded_by: null });

  it('finds images whose caption, credit or alt text holds every word, in any case, newest first, up to the limit', async () => {
    const port = await image('a.jpg', { caption: 'Порт Актау на рассвете', credit: 'Анна Петрова' }, '2024-05-01T10:00:00.000Z');
    const ferry = await image('b.jpg', { caption: 'Паром', alt: 'Паром у причала в порту АКТАУ' }, '2024-05-02T10:00:00.000Z');
    await image('c.jpg', { caption: 'Порт Баку', credit: 'Анна Петрова' }, '2024-05-03T10:00:00.000Z');
    const ids = async (words: string[], limit = 10) => (await store.searchImages(db.kysely, words, limit)).map((r) => r.id);
    expect(await ids(['актау'])).toEqual([ferry.id, port.id]);
    expect(await ids(['актау', 'петрова'])).toEqual([port.id]);
    expect(await ids(['актау'], 1)).toEqual([ferry.id]);
    expect(await ids(['баку', 'паром'])).toEqual([]);
  });

  it('takes %, _ and ! in a search word literally', async () => {
    const percent = await image('a.jpg', { caption: 'Рост на 100% за год' }, '2024-05-01T10:00:00.000Z');
    await image('b.jpg', { caption: 'Рост на 1000 тонн' }, '2024-05-02T10:00:00.000Z');
    const snake = await image('c.jpg', { alt: 'file_name!' }, '2024-05-03T10:00:00.000Z');
    await image('d.jpg', { alt: 'filexname!' }, '2024-05-04T10:00:00.000Z');
    expect((await store.searchImages(db.kysely, ['100%'], 10)).map((r) => r.id)).toEqual([percent.id]);
    expect((await store.searchImages(db.kysely, ['file_name!'], 10)).map((r) => r.id)).toEqual([snake.id]);
  });

  it('pages the library newest first, the later id first at the same instant', async () => {
    const at = '2024-05-01T10:00:00.000Z';
    const first = await image('a.jpg', {}, at);
    const second = await image('b.jpg', {}, at);
    const newest = await image('c.jpg', {}, '2024-05-02T10:00:00.000Z');
    expect(await store.countImages(db.kysely)).toBe(3);
    expect((await store.imagesNewestFirst(db.kysely, 2, 0)).map((r) => r.id)).toEqual([newest.id, second.id]);
    expect((await store.imagesNewestFirst(db.kysely, 2, 2)).map((r) => r.id)).toEqual([first.id]);
  });

  it('updates only the text given, and answers undefined for an image that is not there', async () => {
    const item = await image('a.jpg', { caption: 'Старая подпись', credit: 'Анна' }, '2024-05-01T10:00:00.000Z');
    expect(await store.updateImageText(db.kysely, item.id, { caption: 'Новая подпись' })).toMatchObject({ caption: 'Новая подпись', credit: 'Анна' });
    expect(await store.updateImageText(db.kysely, item.id + 1, { caption: 'x' })).toBeUndefined();
  });

  it('narrows the bodies that may show an image to those naming its id, with or without a space, and finds covers', async () => {
    const one = await image('a.jpg', {}, '2024-05-01T10:00:00.000Z');
    const figure = (imageId: number) => JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { imageId } }] });
    const article = (slug: string, row: { body_json?: string; cover_image_id?: number } = {}) => insertArticleRow(db.kysely, { slug, ...row });
    const shows = await article('shows', { body_json: figure(one.id) });
    const spaced = await article('spaced', { body_json: `{"type":"doc","content":[{"type":"figure","attrs":{"imageId": ${one.id}}}]}` });
    const longer = await article('longer', { body_json: figure(Number(`${one.id}2`)) });
    await article('none');
    const cover = await article('cover', { cover_image_id: one.id });
    expect((await store.articlesMaybeShowingImage(db.kysely, one.id)).map((r) => r.id)).toEqual([shows, spaced, longer]);
    expect(await store.articlesWithCover(db.kysely, one.id)).toEqual([{ id: cover, headline: 'cover' }]);
    expect(await store.authorsWithPhoto(db.kysely, one.id)).toEqual([]);
  });
});
