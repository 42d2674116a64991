/** Factories for a small newsroom, and an app over it for inject() tests. */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createServices, type Services } from '../../src/services.js';
import { buildApp } from '../../src/web/app.js';
import type { BodyDoc } from '../../src/features/articles/body.js';
import type { ArticleInput } from '../../src/features/articles/rules.js';
import { createTestDb, type TestDb } from './db.js';
import type { Dialect } from '../../src/storage/db.js';

export interface Newsroom {
  db: TestDb;
  services: Services;
  config: Config;
  app: FastifyInstance;
  clock: { now: Date };
  ids: { author: number; rubric: number; flag: number; image: number };
  close(): Promise<void>;
}

export const paragraph = (text: string): BodyDoc['content'][number] => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export async function createNewsroom(dialect: Dialect, options: { now?: string; env?: Record<string, string>; sqliteFile?: string } = {}): Promise<Newsroom> {
  const db = await createTestDb(dialect, { sqliteFile: options.sqliteFile });
  const clock = { now: new Date(options.now ?? '2024-04-11T07:54:00Z') };
  const config = loadConfig({ DATA_DIR: '/tmp/dateline-test-data', VIEWS_FLUSH_MS: '60000', ...options.env });
  const services = await createServices(config, db, { now: () => clock.now });
  const k = db.kysely;
  const author = await k
    .insertInto('authors')
    .values({ slug: 'anna', name: 'Анна Морозова', translations: JSON.stringify({ en: { name: 'Anna Morozova', role_title: 'International columnist' } }), bio: '', role_title: 'Международный обозреватель', photo_image_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rubric = await k
    .insertInto('rubrics')
    .values({ slug: 'economy', name: 'Экономика', translations: JSON.stringify({ en: { name: 'Economy' } }), is_flag: 0, position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const flag = await k
    .insertInto('rubrics')
    .values({ slug: 'story-of-the-day', name: 'Материал дня', translations: JSON.stringify({ en: { name: 'Story of the day' } }), is_flag: 1, position: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const image = await k
    .insertInto('images')
    .values({ file: 'test/port.svg', mime: 'image/svg+xml', width: 1200, height: 800, caption: 'Порт', credit: 'Dateline', alt: 'Краны в порту', created_at: clock.now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const app = await buildApp({ config, services });
  return {
    db,
    services,
    config,
    app,
    clock,
    ids: { author: author.id, rubric: rubric.id, flag: flag.id, image: image.id },
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

/** Creates a draft by the newsroom's author in its rubric; `input` overrides any field. Returns its id. */
export function draftArticle(n: Newsroom, input: Partial<ArticleInput> = {}): Promise<number> {
  return n.services.articles.createDraft({
    lang: 'ru',
    headline: 'Паромы вернулись к графику',
    lead: 'Движение через Каспий восстановлено.',
    body: { type: 'doc', content: [paragraph('Текст статьи.')] },
    authors: [{ authorId: n.ids.author }],
    rubricIds: [n.ids.rubric],
    ...input,
  });
}

/** Creates and publishes an article at an instant; returns its id. */
export async function publishArticle(n: Newsroom, at: string, input: Partial<ArticleInput> = {}): Promise<number> {
  const id = await draftArticle(n, input);
  await n.services.articles.publish(id, new Date(at));
  return id;
}
