import { afterEach, expect, it } from 'vitest';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { staffSession } from '../../../test/helpers/admin.js';

const decoded = (res: { headers: Record<string, unknown>; rawPayload: Buffer }): string => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString();
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString();
  expect(encoding).toBeUndefined();
  return res.rawPayload.toString();
};

forEachDialect('compression of routed responses', (dialect) => {
  let n: Newsroom;
  afterEach(() => n.close());

  const inject = (url: string, headers: Record<string, string> = {}) => n.app.inject({ url, headers });
  const expectCompressed = (res: LightMyRequestResponse, encoding: 'br' | 'gzip', plain: string) => {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(plain));
    expect(decoded(res)).toBe(plain);
  };

  it('compresses an uncached page for a client that accepts it, and sends identity to one that does not', async () => {
    n = await createNewsroom(dialect, { env: { PAGE_CACHE: 'off' } });
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Паромы вернулись к графику' });
    const plain = await inject('/news/paromy');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('Паромы вернулись к графику');
    expectCompressed(await inject('/news/paromy', { 'accept-encoding': 'gzip' }), 'gzip', plain.body);
    expectCompressed(await inject('/news/paromy', { 'accept-encoding': 'gzip, deflate, br' }), 'br', plain.body);
    expect((await inject('/news/paromy', { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
  });

  it('keeps the ETag, the 304 and the cache headers of a page the cache keeps', async () => {
    n = await createNewsroom(dialect);
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    const plain = await inject('/news/paromy');
    const gz = await inject('/news/paromy', { 'accept-encoding': 'gzip' });
    expectCompressed(gz, 'gzip', plain.body);
    expect(gz.headers.etag).toBe(plain.headers.etag);
    expect(gz.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const notModified = await inject('/news/paromy', { 'accept-encoding': 'gzip', 'if-none-match': String(plain.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers['content-encoding']).toBeUndefined();
  });

  it('compresses back-office pages and JSON answers, keeping no-store, and leaves small answers alone', async () => {
    n = await createNewsroom(dialect);
    const staff = await staffSession(n, 'editor');
    const plain = await inject('/admin/articles/', { cookie: staff.cookie });
    const gz = await inject('/admin/articles/', { cookie: staff.cookie, 'accept-encoding': 'gzip' });
    expectCompressed(gz, 'gzip', plain.body);
    expect(gz.headers['cache-control']).toBe('no-store');

    const images = Array.from({ length: 12 }, (_, i) => ({
      file: `test/port-${i}.svg`,
      mime: 'image/svg+xml',
      width: 1200,
      height: 800,
      caption: `Порт, снимок ${i}`,
      credit: 'Dateline',
      alt: 'Краны в порту',
      created_at: '2024-04-11T07:00:00.000Z',
    }));
    await n.db.kysely.insertInto('images').values(images).execute();
    const list = await inject('/admin/api/media', { cookie: staff.cookie, 'accept-encoding': 'br' });
    expect(list.headers['content-encoding']).toBe('br');
    expect(list.headers['cache-control']).toBe('no-store');
    expect((JSON.parse(decoded(list)) as { items: unknown[] }).items).toHaveLength(13);

    const health = await inject('/healthz', { 'accept-encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual({ ok: true, events: 'off' });
  });

  it('over HTTP, compresses a miss once and serves the cache’s own bytes on a hit', async () => {
    n = await createNewsroom(dialect);
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = n.app.server.address() as { port: number };
    const get = (headers: Record<string, string>) =>
      new Promise<{ headers: Record<string, unknown>; rawPayload: Buffer }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: '/news/paromy', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, rawPayload: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const miss = await get({ 'accept-encoding': 'br' });
    expect(miss.headers['x-page-cache']).toBeUndefined();
    expect(miss.headers['content-encoding']).toBe('br');
    const hit = await get({ 'accept-encoding': 'br' });
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('br');
    const plain = await get({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(decoded(miss)).toBe(decoded(plain));
    expect(decoded(hit)).toBe(decoded(plain));
  });
});
