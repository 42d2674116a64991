import { afterEach, beforeEach, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDialect, createTestDb, type TestDb } from '../../test/helpers/db.js';
import { loadConfig } from '../config/index.js';
import { createServices, type Services } from '../services.js';
import { toLocal, localDateKey } from '../lib/time.js';
import { DEMO_ARTICLES, DEMO_STAFF, demoInstant, demoSignInText, loadDemo } from './loader.js';

it('demo content: 40+ articles, both languages, translations, tags and no tags, unique slugs', () => {
  expect(DEMO_ARTICLES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(DEMO_ARTICLES.map((a) => a.lang))).toEqual(new Set(['ru', 'en']));
  const keys = new Set(DEMO_ARTICLES.map((a) => a.key));
  expect(keys.size).toBe(DEMO_ARTICLES.length);
  for (const a of DEMO_ARTICLES.filter((x) => x.translationOf)) {
    const original = DEMO_ARTICLES.find((x) => x.key === a.translationOf)!;
    expect(original.lang).not.toBe(a.lang);
  }
  expect(DEMO_ARTICLES.filter((a) => a.translationOf).length).toBeGreaterThanOrEqual(5);
  expect(DEMO_ARTICLES.some((a) => a.tags.length === 0)).toBe(true);
  expect(DEMO_ARTICLES.some((a) => a.tags.length > 0)).toBe(true);
  for (const lang of ['ru', 'en']) {
    const slugs = DEMO_ARTICLES.filter((a) => a.lang === lang).map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  }
  expect(Math.max(...DEMO_ARTICLES.map((a) => a.daysAgo))).toBeGreaterThanOrEqual(62);
  expect(new Set(DEMO_ARTICLES.map((a) => a.author)).size).toBeGreaterThanOrEqual(4);
});

it('dates demo articles relative to the load day and never in the future', () => {
  const now = new Date('2024-04-11T07:54:00Z');
  expect(demoInstant({ daysAgo: 2, time: '00:30' }, now, 'Europe/Moscow', 0).toISOString()).toBe('2024-04-08T21:30:00.000Z');
  expect(demoInstant({ daysAgo: 0, time: '22:00' }, now, 'Europe/Moscow', 3).getTime()).toBeLessThan(now.getTime());
});

it('prints the demo sign-in block with every account once', () => {
  const text = demoSignInText('https://demo.example/', [
    { email: 'editor@dateline.test', name: 'Анна Морозова', role: 'editor', password: 'p4ssw0rdp4ssw0rdp4ss' },
    { email: 'moderator@dateline.test', name: 'Павел Ершов', role: 'moderator', password: 'Q4ssw0rdp4ssw0rdp4ss' },
  ]);
  expect(text.split('\n')).toEqual([
    'Demo sign-in at https://demo.example/admin/:',
    '  editor@dateline.test    / p4ssw0rdp4ssw0rdp4ss   (editor)',
    '  moderator@dateline.test / Q4ssw0rdp4ssw0rdp4ss   (moderator)',
    expect.stringContaining('shown only now'),
  ]);
});

forEachDialect('demo newsroom loader', (dialect) => {
  let db: TestDb;
  let services: Services;
  let dir: string;
  beforeEach(async () => {
    db = await createTestDb(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-demo-'));
    services = await createServices(loadConfig({ DATA_DIR: dir }), db, { now: () => new Date('2024-04-11T07:54:00Z') });
  });
  afterEach(async () => {
    await db.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads authors, rubrics, illustrations and published articles over three months', async () => {
    const { articles } = await loadDemo(services, dir);
    const k = db.kysely;
    const rows = await k.selectFrom('articles').select(['status', 'published_at', 'lang', 'translation_group']).execute();
    expect(rows.length).toBe(articles);
    expect(rows.every((r) => r.status === 'published')).toBe(true);
    const months = new Set(rows.map((r) => r.published_at!.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.translation_group !== null).length).toBeGreaterThanOrEqual(10);
    const rubrics = await k.selectFrom('rubrics').selectAll().execute();
    expect(rubrics.filter((r) => r.is_flag === 0).length).toBeGreaterThanOrEqual(5);
    expect(rubrics.some((r) => r.is_flag === 1 && r.slug === 'story-of-the-day')).toBe(true);
    expect((await k.selectFrom('authors').selectAll().execute()).length).toBeGreaterThanOrEqual(4);
    const images = await k.selectFrom('images').selectAll().execute();
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      expect(image.caption).not.toBe('');
      expect(fs.readFileSync(path.join(dir, 'media', image.file), 'utf8')).toMatch(/^<svg/);
    }
    expect(services.settings.get().channels.map((c) => c.network)).toEqual(expect.arrayContaining(['telegram', 'dzen', 'vk', 'ok', 'youtube', 'tiktok', 'viber']));
  });

  it('has at most one Story of the day per local day and language', async () => {
    await loadDemo(services, dir);
    const flagged = await db.kysely
      .selectFrom('articles')
      .innerJoin('article_rubrics', 'article_rubrics.article_id', 'articles.id')
      .innerJoin('rubrics', 'rubrics.id', 'article_rubrics.rubric_id')
      .where('rubrics.is_flag', '=', 1)
      .select(['articles.lang', 'articles.published_at'])
      .execute();
    expect(flagged.length).toBeGreaterThan(0);
    const days = flagged.map((f) => `${f.lang}:${localDateKey(toLocal(new Date(f.published_at!), 'Europe/Moscow'))}`);
    expect(new Set(days).size).toBe(days.length);
  });

  it('creates one demo staff account per role with a fresh random password, editor and author under demo bylines', async () => {
    const { accounts } = await loadDemo(services, dir);
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ['owner@dateline.test', 'owner'],
      ['editor@dateline.test', 'editor'],
      ['author@dateline.test', 'author'],
      ['moderator@dateline.test', 'moderator'],
    ]);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(4);
    for (const a of accounts) {
      expect(a.password).toMatch(/^[A-Za-z0-9]{20}$/);
      const { mfaRequired } = await services.accounts.signIn({ email: a.email, password: a.password, ip: '127.0.0.1', userAgent: 'test' });
      expect(mfaRequired).toBe(false);
    }
    const bylines = await db.kysely
      .selectFrom('users')
      .leftJoin('authors', 'authors.id', 'users.author_id')
      .select(['users.email', 'authors.slug'])
      .orderBy('users.id')
      .execute();
    expect(bylines).toEqual([
      { email: 'owner@dateline.test', slug: null },
      { email: 'editor@dateline.test', slug: 'morozova' },
      { email: 'author@dateline.test', slug: 'aliyev' },
      { email: 'moderator@dateline.test', slug: null },
    ]);
    // No password is written anywhere but the hash.
    const hashes = await db.kysely.selectFrom('users').select('password_hash').execute();
    for (const h of hashes) expect(h.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('leaves an existing account alone and does not report it again', async () => {
    await services.accounts.createUser({ email: 'editor@dateline.test', name: 'Своя', role: 'editor', password: 'our-own-password' });
    const { accounts } = await loadDemo(services, dir);
    expect(accounts.map((a) => a.email)).toEqual(DEMO_STAFF.map((a) => a.email).filter((e) => e !== 'editor@dateline.test'));
    await expect(services.accounts.signIn({ email: 'editor@dateline.test', password: 'our-own-password', ip: '127.0.0.1', userAgent: 'test' })).resolves.toBeTruthy();
  });
});
