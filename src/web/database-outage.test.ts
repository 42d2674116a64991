/**
 * The database goes away under a running node (PostgreSQL restarting, the network cut) and comes back. The node
 * is reached through a TCP proxy on 127.0.0.1 that the test cuts and restores. PostgreSQL only: SQLite is a file
 * in the same process.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PG_URL } from '../../test/helpers/db.js';
import { waitFor } from '../../test/helpers/wait.js';
import { captureLog, WARN, type LogLine } from '../../test/helpers/log.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../test/helpers/newsroom.js';
import { createPostgresDb, type Db } from '../storage/db.js';
import { createServices, type Services } from '../services.js';
import { buildApp } from './app.js';

/** Forwards connections to PostgreSQL until cut; while cut, it drops every connection, open or new. */
class CuttableProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private cut = false;

  constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      if (this.cut) return client.destroy();
      const upstream = net.connect(target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as net.AddressInfo).port)));
  }

  down(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    this.down();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// Without DATELINE_TEST_PG_URL the suite shows as skipped; CI sets it and fails on any skipped test.
describe.skipIf(!PG_URL)('a node whose database goes away and comes back', () => {
  let seed: Newsroom;
  let proxy: CuttableProxy;
  let db: Db;
  let node: Services;
  let app: FastifyInstance;
  let base: string;
  const brokenConnections: Error[] = [];
  let logged: LogLine[];

  beforeEach(async () => {
    seed = await createNewsroom('postgres');
    await publishArticle(seed, '2024-04-11T07:00:00Z', { slug: 'paromy', headline: 'Паромы вернулись к графику' });
    await publishArticle(seed, '2024-04-11T08:00:00Z', { slug: 'porty', headline: 'Порты расширяются' });
    const target = new URL(PG_URL!);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(PG_URL!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(await proxy.listen());
    db = await createPostgresDb({ url: viaProxy.toString(), schema: seed.db.schema!, max: 4, onConnectionError: (e) => brokenConnections.push(e) });
    node = await createServices(seed.config, db, { now: () => seed.clock.now });
    await node.relay.start();
    const log = captureLog();
    logged = log.lines;
    app = await buildApp({ config: seed.config, services: node, logger: { level: 'warn', stream: log.stream } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    await app.close();
    await node.relay.close();
    await proxy.close();
    await db.close();
    await seed.close();
  });

  const page = (path: string) => fetch(`${base}${path}`, { headers: { accept: 'text/html' } });

  it('keeps serving cached pages, answers the others with a readable 503, and recovers by itself', async () => {
    await page('/news/paromy');
    expect((await page('/news/paromy')).headers.get('x-page-cache')).toBe('hit');

    proxy.down();
    await waitFor('the node to notice', () => node.relay.state === 'lost');
    expect(brokenConnections.length).toBeGreaterThan(0);

    const cached = await page('/news/paromy');
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-page-cache')).toBe('hit');

    const uncached = await page('/news/porty');
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get('retry-after')).toBe('30');
    expect(uncached.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await uncached.text();
    expect(html).toContain('<h1>Сайт ненадолго недоступен</h1>');
    expect(html).not.toMatch(/at \w+ \(|ECONN|Connection terminated/);
    // The person on call hears of it.
    expect(logged.some((l) => l.level === WARN && l.msg === 'the database is unavailable')).toBe(true);

    const api = await fetch(`${base}/api/views/1`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0 Chrome/126.0' } });
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: { code: 'UNAVAILABLE', message: 'The site cannot reach its database just now. Please try again in a minute.' } });
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true, events: 'lost' });

    proxy.up();
    await waitFor('the node to listen again', () => node.relay.state === 'listening', 10_000, 50);
    const back = await page('/news/porty');
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Порты расширяются');
    // Having heard nothing while cut off, the node dropped its pages: the next answer is rendered afresh.
    expect((await page('/news/paromy')).headers.get('x-page-cache')).toBeNull();
  }, 30_000);
});
