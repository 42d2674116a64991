/**
 * Loads the demo newsroom: authors, rubrics, generated illustrations and 40+ articles in Russian and
 * English, dated relative to the day it is loaded so the demo always looks current.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services.js';
import type { StaffRole } from '../features/accounts/policy.js';
import { generatePassword } from '../features/accounts/rules.js';
import { addDays, fromLocal, toLocal } from '../lib/time.js';
import type { BlockNode, BodyDoc } from '../features/articles/body.js';
import type { AuthorKey, Block, DemoArticle, ImageKey } from './content/types.js';
import ruArticles from './content/ru.js';
import enArticles from './content/en.js';
import { IMAGE_HEIGHT, IMAGE_WIDTH, renderDemoImage } from './images.js';
import { DEMO_AUTHORS, DEMO_CHANNELS, DEMO_RUBRICS } from './people.js';

export const DEMO_ARTICLES: DemoArticle[] = [...ruArticles, ...enArticles];

function demoBody(blocks: Block[], imageIds: Map<ImageKey, number>): BodyDoc {
  const content: BlockNode[] = blocks.map((b) => {
    switch (b.type) {
      case 'p':
        return { type: 'paragraph', content: [{ type: 'text', text: b.text }] };
      case 'h2':
        return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: b.text }] };
      case 'quote':
        return { type: 'blockquote', attrs: b.cite ? { cite: b.cite } : {}, content: [{ type: 'paragraph', content: [{ type: 'text', text: b.text }] }] };
      case 'image':
        return { type: 'figure', attrs: { imageId: imageIds.get(b.image), caption: b.caption, credit: b.credit, alt: b.alt } };
    }
  });
  return { type: 'doc', content };
}

/** The publication instant: `daysAgo` local days before `now`, at `time`, never in the future. */
export function demoInstant(article: Pick<DemoArticle, 'daysAgo' | 'time'>, now: Date, timeZone: string, index: number): Date {
  const today = toLocal(now, timeZone);
  const [hour, minute] = article.time.split(':').map(Number) as [number, number];
  const at = fromLocal({ ...addDays(today, -article.daysAgo), hour, minute }, timeZone);
  return at.getTime() < now.getTime() ? at : new Date(now.getTime() - (index + 1) * 60_000);
}

export async function isEmpty(services: Services): Promise<boolean> {
  const row = await services.db.kysely.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** A demo staff account, with the password generated when it was created (never stored in the repository). */
export interface DemoAccount {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

/** The demo staff: one account per role; the editor and the author write under demo bylines. */
export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; role: StaffRole; author?: AuthorKey }> = [
  { email: 'owner@dateline.test', name: 'Елена Воронцова', role: 'owner' },
  { email: 'editor@dateline.test', name: DEMO_AUTHORS.morozova.name, role: 'editor', author: 'morozova' },
  { email: 'author@dateline.test', name: DEMO_AUTHORS.aliyev.name, role: 'author', author: 'aliyev' },
  { email: 'moderator@dateline.test', name: 'Павел Ершов', role: 'moderator' },
];

/** Creates the demo staff accounts that do not exist yet, each with a fresh random password; returns those created. */
async function createDemoStaff(services: Services, authorIds: Map<string, number>): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  for (const a of DEMO_STAFF) {
    const exists = await services.db.kysely.selectFrom('users').select('id').where('email', '=', a.email).executeTakeFirst();
    if (exists) continue;
    const password = generatePassword();
    await services.accounts.createUser({ email: a.email, name: a.name, role: a.role, password, authorId: a.author ? (authorIds.get(a.author) ?? null) : null });
    created.push({ email: a.email, name: a.name, role: a.role, password });
  }
  return created;
}

/** The block printed once, when the demo accounts are created: where to sign in, and with what. */
export function demoSignInText(siteUrl: string, accounts: readonly DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    `Demo sign-in at ${siteUrl.replace(/\/+$/, '')}/admin/:`,
    ...accounts.map((a) => `  ${a.email.padEnd(width)} / ${a.password}   (${a.role})`),
    'These passwords are shown only now. Change them with "dateline user password --email …" before the site goes public.',
  ].join('\n');
}

export async function loadDemo(services: Services, dataDir: string): Promise<{ articles: number; accounts: DemoAccount[] }> {
  const db = services.db.kysely;
  const now = services.now();
  const mediaDir = path.resolve(dataDir, 'media', 'demo');
  fs.mkdirSync(mediaDir, { recursive: true });

  const imageIds = new Map<ImageKey, number>();
  const usedImages = new Map<ImageKey, { caption: string; credit: string; alt: string }>();
  for (const a of DEMO_ARTICLES) for (const b of a.body) if (b.type === 'image' && !usedImages.has(b.image)) usedImages.set(b.image, b);
  for (const [key, meta] of usedImages) {
    const file = `demo/${key}.svg`;
    fs.writeFileSync(path.join(mediaDir, `${key}.svg`), renderDemoImage(key));
    const existing = await db.selectFrom('images').select('id').where('file', '=', file).executeTakeFirst();
    const row =
      existing ??
      (await db
        .insertInto('images')
        .values({ file, mime: 'image/svg+xml', width: IMAGE_WIDTH, height: IMAGE_HEIGHT, caption: meta.caption, credit: meta.credit, alt: meta.alt, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow());
    imageIds.set(key, row.id);
  }

  const authorIds = new Map<string, number>();
  for (const [key, a] of Object.entries(DEMO_AUTHORS)) {
    const translations = JSON.stringify({ en: { name: a.en, role_title: a.roleEn, bio: a.bioEn } });
    const row = await db
      .insertInto('authors')
      .values({ slug: key, name: a.name, translations, bio: a.bio, role_title: a.role, photo_image_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    authorIds.set(key, row.id);
  }

  const rubricIds = new Map<string, number>();
  for (const [position, r] of DEMO_RUBRICS.entries()) {
    const row = await db
      .insertInto('rubrics')
      .values({ slug: r.key, name: r.name, translations: JSON.stringify({ en: { name: r.en } }), is_flag: r.isFlag ? 1 : 0, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    rubricIds.set(r.key, row.id);
  }

  const { timeZone } = services.settings.get();
  const articleIds = new Map<string, number>();
  // Originals first, so translations can point at them.
  const ordered = [...DEMO_ARTICLES].sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));
  for (const [index, a] of ordered.entries()) {
    const firstImage = a.body.find((b) => b.type === 'image');
    const rubrics = [...a.rubrics, ...(a.storyOfTheDay ? (['story-of-the-day'] as const) : [])];
    const id = await services.articles.createDraft({
      lang: a.lang,
      slug: a.slug,
      headline: a.headline,
      lead: a.lead,
      body: demoBody(a.body, imageIds),
      authors: [{ authorId: authorIds.get(a.author)!, role: a.role }],
      rubricIds: rubrics.map((r) => rubricIds.get(r)!),
      tags: a.tags,
      city: a.city,
      coverImageId: firstImage?.type === 'image' ? (imageIds.get(firstImage.image) ?? null) : null,
      translationOf: a.translationOf ? (articleIds.get(a.translationOf) ?? null) : null,
    });
    articleIds.set(a.key, id);
    await services.articles.publish(id, demoInstant(a, now, timeZone, index));
  }

  await services.settings.set('channels', DEMO_CHANNELS);
  const accounts = await createDemoStaff(services, authorIds);
  return { articles: DEMO_ARTICLES.length, accounts };
}
