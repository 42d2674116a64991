import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventBus } from '../../lib/events.js';
import { Dependencies } from '../../lib/dependencies.js';
import { PageCache, isKeepableUrl } from './page-cache.js';

const FAR = Number.MAX_SAFE_INTEGER;

function request(url: string, headers: Record<string, string> = {}): { req: IncomingMessage; res: ServerResponse; sent: () => Buffer | undefined } {
  let body: Buffer | undefined;
  const res = { writeHead: () => res, end: (b?: Buffer) => (body = b) } as unknown as ServerResponse;
  return { req: { method: 'GET', url, headers } as IncomingMessage, res, sent: () => body };
}

describe('page cache', () => {
  it('keeps pages within its byte budget, dropping the least recently used first', () => {
    const cache = new PageCache(true, new EventBus(), 2500);
    const page = () => randomBytes(1000);
    cache.store('/a', page(), 'text/html', FAR, 0, new Dependencies());
    cache.store('/b', page(), 'text/html', FAR, 0, new Dependencies());
    expect(cache.tryServe(request('/a').req, request('/a').res)).toBe(true);
    cache.store('/c', page(), 'text/html', FAR, 0, new Dependencies());
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(2000);
    expect(cache.tryServe(request('/b').req, request('/b').res)).toBe(false);
    expect(cache.tryServe(request('/a').req, request('/a').res)).toBe(true);
    expect(cache.tryServe(request('/c').req, request('/c').res)).toBe(true);
  });

  it('counts compressed copies against the budget, and replaces a page without counting it twice', () => {
    const cache = new PageCache(true, new EventBus(), 1_000_000);
    const text = Buffer.from('<p>Паромы вернулись к графику.</p>'.repeat(100));
    cache.store('/a', text, 'text/html', FAR, 0, new Dependencies());
    cache.store('/a', text, 'text/html', FAR, 0, new Dependencies());
    expect(cache.byteSize).toBe(text.length);
    const gz = request('/a', { 'accept-encoding': 'gzip' });
    cache.tryServe(gz.req, gz.res);
    const compressed = gz.sent()!.length;
    expect(compressed).toBeLessThan(text.length);
    expect(cache.byteSize).toBe(text.length + compressed);
  });

  it('empties itself, bytes included, when the settings change', () => {
    const events = new EventBus();
    const cache = new PageCache(true, events, 1_000_000);
    cache.store('/a', randomBytes(100), 'text/html', FAR, 0, new Dependencies());
    events.emit({ type: 'settings.changed' });
    expect([cache.size, cache.byteSize]).toEqual([0, 0]);
  });

  it('drops only the pages that show what an event changed, bytes included', () => {
    const events = new EventBus();
    const cache = new PageCache(true, events, 1_000_000);
    cache.store('/tag/paromy/', randomBytes(100), 'text/html', FAR, 0, new Dependencies().tag('tag:7').tag('article:1'));
    cache.store('/news/paromy', randomBytes(100), 'text/html', FAR, 0, new Dependencies().tag('article:1').tag('tag:7'));
    cache.store('/news/drugoe', randomBytes(100), 'text/html', FAR, 0, new Dependencies().tag('article:2').tag('tag:8'));
    events.emit({ type: 'taxonomy.changed', rubricIds: [], tagIds: [7] });
    expect([cache.size, cache.byteSize]).toEqual([1, 100]);
    expect(cache.tryServe(request('/news/drugoe').req, request('/news/drugoe').res)).toBe(true);
  });

  it('drops a page whose span of publication instants an article enters or leaves', () => {
    const events = new EventBus();
    const cache = new PageCache(true, events, 1_000_000);
    cache.store('/2024/04/', randomBytes(10), 'text/html', FAR, 0, new Dependencies().span('2024-04-01T00:00:00Z', '2024-05-01T00:00:00Z'));
    cache.store('/2024/03/', randomBytes(10), 'text/html', FAR, 0, new Dependencies().span('2024-03-01T00:00:00Z', '2024-04-01T00:00:00Z'));
    cache.store('/first', randomBytes(10), 'text/html', FAR, 0, new Dependencies().span(null, '2023-01-01T00:00:00Z'));
    const after = { slug: 's', publishedAt: '2024-04-11T07:00:00Z', rubricIds: [], tagIds: [], authorIds: [], translationIds: [] };
    events.emit({ type: 'article.published', articleId: 5, before: null, after });
    expect(cache.tryServe(request('/2024/04/').req, request('/2024/04/').res)).toBe(false);
    expect(cache.tryServe(request('/2024/03/').req, request('/2024/03/').res)).toBe(true);
    expect(cache.tryServe(request('/first').req, request('/first').res)).toBe(true);
  });

  it('keeps every page and its generation when an event changes nothing a reader sees', () => {
    const events = new EventBus();
    const cache = new PageCache(true, events, 1_000_000);
    events.emit({ type: 'taxonomy.changed', rubricIds: [], tagIds: [] });
    expect(cache.store('/a', randomBytes(10), 'text/html', FAR, 0, new Dependencies().tag('nav'))).toBeTruthy();
    expect(cache.size).toBe(1);
    events.emit({ type: 'taxonomy.changed', rubricIds: [], tagIds: [] });
    expect(cache.size).toBe(1);
    events.emit({ type: 'author.changed', authorId: 3 });
    expect(cache.size).toBe(1);
    expect(cache.store('/b', randomBytes(10), 'text/html', FAR, 0, new Dependencies())).toBeTruthy();
    expect(cache.size).toBe(1);
  });

  it('keeps pages whose address has no query but a page number', () => {
    expect(isKeepableUrl('/news/paromy')).toBe(true);
    expect(isKeepableUrl('/rubric/economy/?page=2')).toBe(true);
    expect(isKeepableUrl('/news/paromy?utm_source=telegram')).toBe(false);
    expect(isKeepableUrl('/rubric/economy/?page=2&x=1')).toBe(false);
    expect(isKeepableUrl('/news/paromy?')).toBe(false);
    expect(isKeepableUrl('/?page=1234567')).toBe(false);
  });
});
