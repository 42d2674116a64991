import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventBus } from '../../lib/events.js';
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
    cache.store('/a', page(), 'text/html', FAR, 0);
    cache.store('/b', page(), 'text/html', FAR, 0);
    expect(cache.tryServe(request('/a').req, request('/a').res)).toBe(true);
    cache.store('/c', page(), 'text/html', FAR, 0);
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(2000);
    expect(cache.tryServe(request('/b').req, request('/b').res)).toBe(false);
    expect(cache.tryServe(request('/a').req, request('/a').res)).toBe(true);
    expect(cache.tryServe(request('/c').req, request('/c').res)).toBe(true);
  });

  it('counts compressed copies against the budget, and replaces a page without counting it twice', () => {
    const cache = new PageCache(true, new EventBus(), 1_000_000);
    const text = Buffer.from('<p>Паромы вернулись к графику.</p>'.repeat(100));
    cache.store('/a', text, 'text/html', FAR, 0);
    cache.store('/a', text, 'text/html', FAR, 0);
    expect(cache.byteSize).toBe(text.length);
    const gz = request('/a', { 'accept-encoding': 'gzip' });
    cache.tryServe(gz.req, gz.res);
    const compressed = gz.sent()!.length;
    expect(compressed).toBeLessThan(text.length);
    expect(cache.byteSize).toBe(text.length + compressed);
  });

  it('empties itself, bytes included, on any event', () => {
    const events = new EventBus();
    const cache = new PageCache(true, events, 1_000_000);
    cache.store('/a', randomBytes(100), 'text/html', FAR, 0);
    events.emit({ type: 'taxonomy.changed' });
    expect([cache.size, cache.byteSize]).toEqual([0, 0]);
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
